import Measure

extension ReportPage {
    /// One table per grouping present (immigrant background, Sami, national minority,
    /// ethnicity-based, then any other in the order the figures bring it): all cases first,
    /// then each group, one column per measurement. Unknown measurements appear as columns
    /// under their machine name.
    func groupTables(_ w: inout MarkupWriter) {
        let groupings = index.groupings
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
            for columns in parts.isEmpty ? [[cases]] : parts {
                groupTable(&w, grouping: grouping, measurements: columns)
            }
        }
        w.close("section")
        w.newline()
    }

    private func groupTable(_ w: inout MarkupWriter, grouping: Grouping, measurements: [FigureIndex.Measurement]) {
        let all = Grouping.all.name
        w.open("div", [("class", "table-wrap")])
        w.open("table")
        w.open("thead")
        w.open("tr")
        w.element("th", [("scope", "col")], text: strings.groupColumn)
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
        var rows: [(label: String, grouping: String, group: String, total: Bool)] = []
        if measurements.contains(where: { index.figure($0, grouping: all, group: all) != nil }) {
            rows.append((strings.totalRow, all, all, true))
        }
        for group in index.groups(of: grouping) {
            rows.append((strings.groupLabel(grouping: grouping.name, group: group), grouping.name, group, false))
        }
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
