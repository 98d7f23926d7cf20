import Measure

extension ReportPage {
    /// Ethnicity-based cases: their share by immigrant background, and how fast and how well
    /// the school responded in them compared with the other cases.
    func ethnicity(_ w: inout MarkupWriter) {
        guard let share = FigureIndex.column(of: .ethnicityBased),
              index.figure(share, grouping: Grouping.all.name, group: Grouping.all.name) != nil else { return }
        w.open("section", [("class", "ethnicity"), ("id", "etnisitet")])
        w.element("h2", text: say("Etnisk baserte saker", "Ethnicity-based cases"))
        w.element("p", text: say(
            "Krenkelser knyttet til etnisitet, religion eller språk trenger egen oppmerksomhet. Figuren viser andelen slike saker i hver gruppe; tabellen viser hvordan skolene fulgte opp disse sakene sammenlignet med de andre.",
            "Harassment based on ethnicity, religion or language needs its own attention. The chart shows the share of such cases in each group; the table shows how the schools followed up these cases compared with the others."))
        let groups = index.groups(of: .immigrantBackground, for: share)
        if !groups.isEmpty {
            chartFigure(&w, intervalChart(share, grouping: .immigrantBackground, groups: groups, id: "chart-ethnicity"))
        }
        let response = [Metric.timeToFirstContact, .firstContactWithinTarget, .timeToClosure, .resolved].compactMap(FigureIndex.column(of:))
        let grouping = Grouping.ethnicityBased
        var rows = [TableRow(label: strings.totalRow, grouping: Grouping.all.name, group: Grouping.all.name, total: true)]
        rows += index.groups(of: grouping).map { TableRow(label: strings.groupLabel(grouping: grouping.name, group: $0), grouping: grouping.name, group: $0) }
        measurementTable(&w, caption: say("Oppfølging i etnisk baserte saker og i andre saker", "Follow-up in ethnicity-based and other cases"),
                         rows: rows, measurements: [FigureIndex.column(of: .cases)!] + response)
        w.close("section")
        w.newline()
    }

    /// How cases ended: the closed cases by reason, so that "closed because the pupil left"
    /// is seen beside "resolved".
    func closings(_ w: inout MarkupWriter) {
        guard let headline = Metric.closedByReason.headline else { return }
        let measurement = FigureIndex.Measurement(metric: .closedByReason, statistic: headline.statistic, unit: headline.unit)
        let codes = Metric.closedByReason.categories.map(\.code).filter {
            var m = measurement
            m.category = $0
            return index.figure(m, grouping: Grouping.all.name, group: Grouping.all.name) != nil
        }
        guard !codes.isEmpty else { return }
        w.open("section", [("class", "closings"), ("id", "avslutning")])
        w.element("h2", text: say("Hvordan sakene ble avsluttet", "How cases were closed"))
        w.element("p", text: say(
            "En sak som avsluttes fordi eleven byttet skole, er ikke en løst sak. Figuren viser de avsluttede sakene etter årsak til avslutning.",
            "A case closed because the pupil changed school is not a resolved case. The chart shows the closed cases by the reason they were closed."))
        chartFigure(&w, intervalChart(measurement, grouping: .all, groups: [], id: "chart-closings", categories: codes,
                                      title: say("Avsluttede saker etter årsak", "Closed cases by reason")),
                    rowHeader: say("Årsak", "Reason"))
        w.close("section")
        w.newline()
    }
}
