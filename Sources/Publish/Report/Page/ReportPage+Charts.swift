import Measure

extension ReportPage {
    /// Bars with intervals where shares are compared between groups: the shares within the
    /// target by immigrant background (first contact, activity plan). Each chart is followed
    /// by a table of its values.
    static let chartedMeasurements: [(FigureIndex.Measurement, grouping: Grouping)] =
        [Metric.firstContactWithinTarget, .activityPlanWithinTarget].compactMap(FigureIndex.column(of:))
            .map { ($0, Grouping.immigrantBackground) }

    func charts(_ w: inout MarkupWriter) {
        let drawn = ReportPage.chartedMeasurements.filter { !index.groups(of: $0.grouping, for: $0.0).isEmpty }
        guard !drawn.isEmpty else { return }
        w.open("section", [("class", "charts"), ("id", "andeler")])
        w.element("h2", text: say("Innen målet, etter innvandringsbakgrunn", "Within the target, by immigrant background"))
        for (number, (measurement, grouping)) in drawn.enumerated() {
            let groups = index.groups(of: grouping, for: measurement)
            let chart = intervalChart(measurement, grouping: grouping, groups: groups, id: "chart-\(number + 1)")
            chartFigure(&w, chart)
        }
        w.close("section")
        w.newline()
    }

    /// A chart, its caption and the table of its values.
    func chartFigure(_ w: inout MarkupWriter, _ chart: IntervalChart, rowHeader: String? = nil) {
        w.open("figure", [("class", "chart")])
        w.element("h3", text: chart.title)
        w.append(chart.svg())
        w.element("figcaption", text: chart.description)
        w.close("figure")
        chartTable(&w, chart: chart, rowHeader: rowHeader)
        w.newline()
    }

    /// The text equivalent of a bar chart: each row's value and interval, withheld rows marked.
    func chartTable(_ w: inout MarkupWriter, chart: IntervalChart, rowHeader: String? = nil) {
        w.open("div", [("class", "table-wrap")])
        w.open("table", [("class", "chart-table")])
        w.element("caption", text: say("Verdiene i figuren: ", "The chart's values: ") + chart.title)
        w.open("thead")
        w.open("tr")
        w.element("th", [("scope", "col")], text: rowHeader ?? strings.groupColumn)
        w.element("th", [("scope", "col"), ("class", "num")], text: say("Verdi", "Value"))
        w.element("th", [("scope", "col"), ("class", "num")], text: say("95\u{00A0}% konfidensintervall", "95% confidence interval"))
        w.close("tr")
        w.close("thead")
        w.open("tbody")
        var withheld = false
        for row in chart.rows {
            w.open("tr")
            w.element("th", [("scope", "row")], text: row.label)
            switch row.value {
            case let .value(_, _, _, text):
                cell(&w, .value(main: text, interval: nil))
                w.element("td", [("class", "num")], text: row.interval ?? strings.notAvailableMark)
            case .withheld:
                withheld = true
                cell(&w, .withheld)
                cell(&w, .withheld)
            case .missing:
                cell(&w, .notAvailable)
                cell(&w, .notAvailable)
            }
            w.close("tr")
        }
        closeTable(&w)
        footnotes(&w, withheld: withheld, notAvailable: false)
    }

    /// A bar chart of one measurement over the groups of a grouping (or, with `categories`,
    /// over the categories of a metric for all cases).
    func intervalChart(_ measurement: FigureIndex.Measurement, grouping: Grouping, groups: [String], id: String,
                       categories: [String]? = nil, title: String? = nil) -> IntervalChart {
        let isShare = measurement.unit == .proportion
        let unit = measurement.unit
        let all = Grouping.all.name
        let keys: [(label: String, measurement: FigureIndex.Measurement, grouping: String, group: String)] = categories.map { codes in
            codes.map { code in
                var m = measurement
                m.category = code
                return (strings.categoryLabel(measurement.metric, code), m, all, all)
            }
        } ?? groups.map { (strings.groupLabel(grouping: grouping.name, group: $0), measurement, grouping.name, $0) }
        let rows = keys.map { key -> IntervalChart.Row in
            let figure = index.figure(key.measurement, grouping: key.grouping, group: key.group)
            switch FigureText(figure, style: numbers) {
            case .withheld: return .init(label: key.label, value: .withheld)
            case .notAvailable: return .init(label: key.label, value: .missing)
            case let .value(main, interval):
                return .init(label: key.label, value: .value(estimate: figure?.estimate ?? 0, low: figure?.ciLow,
                                                             high: figure?.ciHigh, text: main), interval: interval)
            }
        }
        var reference: (Double, String)?
        if categories == nil, let overall = index.figure(measurement, grouping: all, group: all), let value = overall.estimate,
           case let .value(main, _) = FigureText(overall, style: numbers) {
            reference = (value, strings.chartReference(main))
        }
        let metricLabel = strings.metricLabel(measurement.metric)
        let style = numbers
        return IntervalChart(
            id: id, title: title ?? strings.chartTitle(metricLabel, strings.text(grouping.label)),
            description: categories != nil
                ? say("Stolpen er andelen; den tynne streken er 95\u{00A0}% konfidensintervall.", "The bar is the share; the thin line is the 95% confidence interval.")
                : isShare ? strings.chartCaptionShare : strings.chartCaptionMedian, rows: rows,
            axisTitle: isShare ? strings.chartAxisShare : strings.chartAxisTime(strings.unitWord(unit)),
            reference: reference, fixedMaximum: isShare ? 1 : nil,
            tickLabel: isShare ? { style.percent($0) } : { style.short($0) },
            withheldText: strings.withheldWord, withheldMark: strings.withheldMark,
            missingText: strings.chartNoFigure)
    }
}
