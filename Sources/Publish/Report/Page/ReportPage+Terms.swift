import Measure

extension ReportPage {
    /// The headline figures term by term ("høsten 2024", "våren 2025"), in the order the terms
    /// happened, with a chart of the share with first contact within the target.
    func terms(_ w: inout MarkupWriter) {
        let terms = index.groups(of: .term)
        guard terms.count > 0 else { return }
        let headline = Metric.catalogue.compactMap { metric -> FigureIndex.Measurement? in
            guard let h = metric.headline, metric != .cases else { return nil }
            return FigureIndex.Measurement(metric: metric, statistic: h.statistic, unit: h.unit, category: h.category)
        }.filter { m in terms.contains { index.figure(m, grouping: Grouping.term.name, group: $0) != nil } }
        w.open("section", [("class", "terms"), ("id", "halvar")])
        w.element("h2", text: say("Utvikling over tid", "Trends over time"))
        w.element("p", text: say(
            "Hovedtallene halvår for halvår, etter halvåret da skolen fikk vite om saken (høsten: august–desember, våren: januar–juli). Saker fra det siste halvåret har hatt kortere tid på seg; åpne saker er regnet med fram til eksportdatoen.",
            "The headline figures term by term, by the term in which the school learned of the case (autumn: August–December, spring: January–July). Cases of the latest term have had less time; open cases count until the export date."))
        let rows = terms.map { TableRow(label: strings.groupLabel(grouping: Grouping.term.name, group: $0), grouping: Grouping.term.name, group: $0) }
        let cases = FigureIndex.column(of: .cases)!
        let parts = chunks(headline, size: 4)
        for (i, part) in parts.enumerated() {
            measurementTable(&w, caption: say("Hovedtall etter halvår", "Headline figures by term") + partSuffix(i, of: parts.count),
                             rows: rows, measurements: [cases] + part, rowHeader: say("Halvår", "Term"))
        }
        if let within = FigureIndex.column(of: .firstContactWithinTarget),
           terms.contains(where: { index.figure(within, grouping: Grouping.term.name, group: $0) != nil }) {
            chartFigure(&w, intervalChart(within, grouping: .term, groups: terms, id: "chart-terms"), rowHeader: say("Halvår", "Term"))
        }
        w.close("section")
        w.newline()
    }
}
