import Measure

extension ReportPage {
    /// The Kaplan–Meier curves the report draws, by immigrant background: time to first
    /// contact (read against the target) and time to closure (read at 30, 90 and 180 days).
    static let curvePlan: [(metric: Metric, grouping: Grouping, readAt: [Double])] = [
        (.timeToFirstContact, .immigrantBackground, [0, 1, 2, 5, 10]),
        (.timeToClosure, .immigrantBackground, [30, 90, 180]),
    ]

    func curves(_ w: inout MarkupWriter) {
        let drawn = ReportPage.curvePlan.filter { plan in content.curves.contains { $0.metric == plan.metric } }
        guard !drawn.isEmpty else { return }
        w.open("section", [("class", "curves"), ("id", "kurver")])
        w.element("h2", text: say("Tid til første kontakt og til avslutning", "Time to first contact and to closure"))
        w.element("p", text: say(
            "Kurvene viser hvor stor andel av sakene som har hatt hendelsen etter hvert som tiden går, regnet fra skolen fikk vite om saken (Kaplan–Meier). Åpne saker er med fram til eksportdatoen og markert med en loddrett strek der de går ut av beregningen. Det lyse feltet er 95\u{00A0}% konfidensintervall. En kurve slutter der færre enn k = \(k) saker er igjen; en gruppe med for få saker vises ikke.",
            "The curves show the share of cases that have had the event as time passes, counted from when the school learned of the case (Kaplan–Meier). Open cases count until the export date and are marked with a vertical tick where they leave the calculation. The light area is the 95% confidence interval. A curve ends where fewer than k = \(k) cases remain; a group with too few cases is not shown."))
        for (number, plan) in drawn.enumerated() {
            curveFigure(&w, metric: plan.metric, grouping: plan.grouping, readAt: plan.readAt, id: "curve-\(number + 1)")
        }
        w.close("section")
        w.newline()
    }

    func curveFigure(_ w: inout MarkupWriter, metric: Metric, grouping: Grouping, readAt: [Double], id: String) {
        let all = Grouping.all.name
        var rows: [(label: String, curve: SurvivalCurve?)] = []
        if let overall = content.curves.first(where: { $0.metric == metric && $0.grouping == all }) {
            rows.append((strings.totalRow, overall))
        }
        let measurement = FigureIndex.column(of: metric)
        for group in index.groups(of: grouping, for: measurement) {
            let curve = content.curves.first { $0.metric == metric && $0.grouping == grouping.name && $0.group == group }
            rows.append((strings.groupLabel(grouping: grouping.name, group: group), curve))
        }
        let shown = rows.filter { $0.curve != nil }
        guard let unit = shown.first?.curve?.unit else { return }
        let unitWord = strings.unitWord(unit)
        let metricLabel = strings.metricLabel(metric)
        let title = say("\(metricLabel), etter \(strings.text(grouping.label).lowercased())",
                        "\(metricLabel), by \(strings.text(grouping.label).lowercased())")
        let targetTime = readingTarget(metric)
        let chart = SurvivalChart(
            id: id, title: title,
            description: say("Andel saker som har hatt hendelsen, etter \(unitWord) fra skolen fikk vite om saken, vist for de første \(numbers.short(readAt.max() ?? 0)) \(unitWord). Verdiene står i tabellen under figuren.",
                             "Share of cases that have had the event, by \(unitWord) since the school learned of the case, shown for the first \(numbers.short(readAt.max() ?? 0)) \(unitWord). The values are in the table below the chart."),
            series: shown.map { row in
                SurvivalChart.Series(label: row.label + " (n = " + numbers.integer(row.curve!.n) + ")", steps: row.curve!.points.map {
                    let r = $0.reached
                    return (time: $0.time, reached: r.estimate, low: r.low, high: r.high, censored: $0.censored > 0)
                })
            },
            axisTitle: strings.chartAxisTime(unitWord),
            shareAxisTitle: say("Andel som har hatt hendelsen", "Share that has had the event"),
            tickLabel: { [numbers] in numbers.short($0) }, percentLabel: { [numbers] in numbers.percent($0) },
            target: targetTime.map { ($0, say("mål", "target")) },
            censorLegend: say("Sak som fortsatt er åpen (sensurert) på dette tidspunktet", "Case still open (censored) at this time"),
            window: readAt.max())
        w.open("figure", [("class", "chart")])
        w.element("h3", text: title)
        w.append(chart.svg())
        w.element("figcaption", text: chart.description)
        w.close("figure")
        curveTable(&w, title: title, rows: rows, unit: unit, readAt: readAt)
        let hidden = rows.filter { $0.curve == nil }.map(\.label)
        if !hidden.isEmpty {
            w.element("p", [("class", "footnote")], text: say(
                "Ikke vist fordi tallene for gruppen er skjult eller bygger på færre enn k = \(k) saker: ",
                "Not shown because the group's figures are withheld or rest on fewer than k = \(k) cases: ") + hidden.joined(separator: ", ") + ".")
        }
        w.newline()
    }

    /// The target of a time metric in its first unit, for the line on its chart.
    private func readingTarget(_ metric: Metric) -> Double? {
        guard case .duration = metric.kind else { return nil }
        return content.targets.first { $0.metric == metric }?.value.map(Double.init)
    }

    /// The chart's values as a table: the share that had the event by each reading time, with
    /// its interval; "–" past the end of a curve (fewer than k cases left).
    private func curveTable(_ w: inout MarkupWriter, title: String, rows: [(label: String, curve: SurvivalCurve?)],
                            unit: FigureUnit, readAt: [Double]) {
        w.open("div", [("class", "table-wrap")])
        w.open("table", [("class", "curve-table")])
        w.element("caption", text: say("Verdiene i figuren: ", "The chart's values: ") + title)
        w.open("thead")
        w.open("tr")
        w.element("th", [("scope", "col")], text: strings.groupColumn)
        for t in readAt {
            let spoken = SpokenNumber(t, unit: unit, style: numbers, strings: strings).text
            w.element("th", [("scope", "col"), ("class", "num")], text: t == 0 ? spoken : say("innen ", "within ") + spoken)
        }
        w.close("tr")
        w.close("thead")
        w.open("tbody")
        var cut = false
        for row in rows {
            w.open("tr")
            w.element("th", [("scope", "row")]) { w in
                w.text(row.label)
                if let n = row.curve?.n { w.element("span", [("class", "unit")], text: "n = " + numbers.integer(n)) }
            }
            for t in readAt {
                guard let curve = row.curve else { cell(&w, .withheld); continue }
                guard let last = curve.points.last, t <= last.time || curve.points.isEmpty else {
                    cut = true
                    cell(&w, .notAvailable)
                    continue
                }
                let r: (estimate: Double, low: Double?, high: Double?) = curve.point(at: t)?.reached ?? (0, nil, nil)
                let interval: String? = (r.low != nil || r.high != nil)
                    ? (r.low.map(numbers.percentNumber) ?? "…") + "–" + (r.high.map(numbers.percentNumber) ?? "…") + numbers.percentSpace + "%"
                    : nil
                cell(&w, .value(main: numbers.percent(r.estimate), interval: interval))
            }
            w.close("tr")
        }
        closeTable(&w)
        if rows.contains(where: { $0.curve == nil }) {
            w.element("p", [("class", "footnote withheld-note")], text: strings.withheldFootnote(k))
        }
        if cut {
            w.element("p", [("class", "footnote")], text: say(
                "– Kurven slutter før dette tidspunktet fordi færre enn k = \(k) saker var igjen.",
                "– The curve ends before this time because fewer than k = \(k) cases remained."))
        }
    }
}
