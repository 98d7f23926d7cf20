import Measure

extension ReportPage {
    /// One table per grouping present (immigrant background, Sami, national minority,
    /// ethnicity-based, then any other in the order the figures bring it): all cases first,
    /// then each group, one column per measurement. Unknown measurements appear as columns
    /// under their machine name.
    func groupTables(_ w: inout MarkupWriter) {
        // The groupings of background and minority the school owner follows; schools and terms
        // have their own sections, and the others are in the table files (said below).
        let groupings = index.groupings.filter { ReportPage.tabledGroupings.contains($0) }
        guard !groupings.isEmpty else { return }
        w.open("section", [("class", "groups")])
        w.element("h2", text: strings.tablesTitle)
        w.element("p", text: strings.tablesIntro)
        w.newline()
        let cases = FigureIndex.column(of: .cases)!
        for grouping in groupings {
            // A few tables a grouping, so that none needs a sideways scroll; the case count first in each.
            w.element("h3", text: strings.byGrouping(strings.text(grouping.label)))
            let parts = FigureIndex.tableParts.map { part in [cases] + part.filter { $0 != cases } }
                .filter { $0.contains { m in m != cases && !index.groups(of: grouping, for: m).isEmpty } }
            let chosen = parts.isEmpty ? [[cases]] : parts
            for (i, columns) in chosen.enumerated() {
                groupTable(&w, grouping: grouping, measurements: columns,
                           caption: strings.byGrouping(strings.text(grouping.label)) + partSuffix(i, of: chosen.count))
            }
        }
        let others = index.groupings.filter { !ReportPage.tabledGroupings.contains($0) && !ReportPage.ownSections.contains($0) }
        if !others.isEmpty {
            w.element("p", text: say("Tall etter ", "Figures by ") + others.map { strings.text($0.label).lowercased() }.joined(separator: ", ")
                + say(" står i tabellfilene (tables.csv, tables.json og tabeller-excel.csv).", " are in the table files (tables.csv, tables.json and tabeller-excel.csv)."))
        }
        w.close("section")
        w.newline()
    }

    /// The groupings with tables in the report.
    static let tabledGroupings: [Grouping] = [.immigrantBackground, .sami, .nationalMinority, .minorityLanguage, .interpreter,
                                              .ethnicityBased, .immigrantBackground.crossed(with: .ethnicityBased), .schoolYear]
    /// Groupings shown in sections of their own.
    static let ownSections: [Grouping] = [.school, .term]

    private func groupTable(_ w: inout MarkupWriter, grouping: Grouping, measurements: [FigureIndex.Measurement], caption: String) {
        let all = Grouping.all.name
        var rows: [TableRow] = []
        if measurements.contains(where: { index.figure($0, grouping: all, group: all) != nil }) {
            rows.append(TableRow(label: strings.totalRow, grouping: all, group: all, total: true))
        }
        for group in index.groups(of: grouping) {
            rows.append(TableRow(label: strings.groupLabel(grouping: grouping.name, group: group), grouping: grouping.name, group: group))
        }
        measurementTable(&w, caption: caption, rows: rows, measurements: measurements)
    }

    struct TableRow {
        var label: String
        var grouping: String
        var group: String
        var total = false
    }

    /// A table of figures: a row per group, a column per measurement, each cell the figure
    /// with its interval, withheld and missing figures marked and explained below.
    func measurementTable(_ w: inout MarkupWriter, caption: String, rows: [TableRow], measurements: [FigureIndex.Measurement],
                          rowHeader: String? = nil) {
        w.open("div", [("class", "table-wrap")])
        w.open("table")
        w.element("caption", text: caption)
        w.open("thead")
        w.open("tr")
        w.element("th", [("scope", "col")], text: rowHeader ?? strings.groupColumn)
        for m in measurements {
            w.element("th", [("scope", "col"), ("class", "num")]) { w in
                w.text(strings.metricLabel(m.metric) + (m.category.map { ": " + strings.categoryLabel(m.metric, $0) } ?? ""))
                let detail = columnDetail(m)
                if !detail.isEmpty { w.element("span", [("class", "unit")], text: detail) }
            }
        }
        w.close("tr")
        w.close("thead")
        w.newline()
        w.open("tbody")
        var withheld = false
        var notAvailable = false
        for row in rows {
            w.open("tr", row.total ? [("class", "total")] : [])
            w.element("th", [("scope", "row")], text: row.label)
            for m in measurements {
                let text = FigureText(index.figure(m, grouping: row.grouping, group: row.group), style: numbers)
                if text == .withheld { withheld = true }
                if text == .notAvailable { notAvailable = true }
                cell(&w, text)
            }
            w.close("tr")
            w.newline()
        }
        closeTable(&w)
        footnotes(&w, withheld: withheld, notAvailable: notAvailable)
    }

    /// The line under a column heading: statistic and unit for time ("median, arbeidsdager");
    /// the unit code for a measurement the report does not know.
    private func columnDetail(_ m: FigureIndex.Measurement) -> String {
        m.unit.isTime ? strings.statisticWord(m.statistic) + ", " + strings.unitWord(m.unit) : ""
    }
}
