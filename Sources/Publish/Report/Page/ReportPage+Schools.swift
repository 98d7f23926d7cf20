import Measure

extension ReportPage {
    /// A column of a table with one row per school: a measurement, its heading and the line
    /// under it (the target), read from the figures or from the data-quality figures.
    struct SchoolColumn {
        var measurement: FigureIndex.Measurement
        var title: String
        var detail: String?
        var quality = false
    }

    /// The table of schools for internal control (kommuneloven § 25-1): each school's cases,
    /// each response metric against its target, the deviations by kind and the data quality,
    /// with the municipality's total. Split into tables narrow enough for an A4 page.
    func schools(_ w: inout MarkupWriter) {
        let schoolGroups = index.groups(of: .school)
        guard !schoolGroups.isEmpty else { return }
        w.open("section", [("class", "schools"), ("id", "skoler")])
        w.element("h2", text: say("Skolene", "The schools"))
        w.element("p", text: say(
            "Tabellene under er grunnlaget for kommunens internkontroll (kommuneloven § 25-1): de viser for hver skole hvor mange saker den har, hvor stor andel som nådde skoleeiers mål, hvor mange avvik det er av hver type, og hvor mange saker som mangler opplysninger. Nederst står kommunen samlet.",
            "The tables below are the evidence for the municipality's internal control (kommuneloven § 25-1): for each school, its cases, the share that met the school owner's targets, the deviations of each kind and the cases lacking data. The municipality's total is at the bottom."))
        let cases = SchoolColumn(measurement: FigureIndex.column(of: .cases)!, title: strings.metricLabel(.cases), detail: nil)

        // Response against target.
        let withinTarget: [Metric] = [.firstContactWithinTarget, .firstMeetingWithinTarget, .investigationWithinTarget,
                                      .activityPlanWithinTarget, .ownerNoticeWithinTarget]
        let responseColumns = withinTarget.compactMap { metric -> SchoolColumn? in
            guard let m = FigureIndex.column(of: metric) else { return nil }
            let target = content.target(for: metric)?.text
            return SchoolColumn(measurement: m, title: strings.metricLabel(metric),
                                detail: target.map { say("mål: ", "target: ") + $0 })
        }
        schoolTables(&w, caption: say("Andel saker innen skoleeiers mål, etter skole", "Share of cases within the school owner's target, by school"),
                     columns: present(responseColumns, in: schoolGroups), size: 3, beside: cases, groups: schoolGroups)

        // Deviations by kind.
        let deviationColumns = present(DeviationKind.allCases.map { kind in
            SchoolColumn(measurement: .init(metric: .deviations, statistic: .count, unit: .cases, category: kind.rawValue),
                         title: strings.text(kind.label), detail: nil)
        }, in: schoolGroups)
        if !deviationColumns.isEmpty {
            w.element("h3", text: say("Avvik etter type", "Deviations by kind"))
            w.element("p", text: say(
                "Et avvik er en sak der et mål ikke er nådd (også når fristen er passert uten at det har skjedd), eller der et lovpålagt steg mangler: tiltak uten skriftlig aktivitetsplan, eller en alvorlig sak der skoleeier ikke er varslet. Tallene er antall saker. Listen over de enkelte sakene (bare pseudonymer) ligger i en egen intern fil for oppfølging og publiseres ikke.",
                "A deviation is a case that missed a target (also when the time passed without the event) or lacks a legal step: measures without a written activity plan, or a serious case not notified to the school owner. The numbers are cases. The list of the cases themselves (pseudonyms only) is in a separate internal file for follow-up and is not published."))
            schoolTables(&w, caption: say("Saker med avvik etter type, etter skole", "Cases with deviations by kind, by school"),
                         columns: deviationColumns, size: 4, beside: cases, groups: schoolGroups)
        }

        // Data quality.
        let qualityColumns = present([(Metric.missingField, MissingField.knowledge.rawValue), (.missingField, MissingField.immigrantBackground.rawValue),
                              (.missingField, MissingField.events.rawValue), (.dateError, DateError.eventBeforeKnowledge.rawValue),
                              (.dateError, DateError.futureDate.rawValue)].map { metric, code in
            SchoolColumn(measurement: .init(metric: metric, statistic: .count, unit: .cases, category: code),
                         title: strings.categoryLabel(metric, code), detail: strings.metricLabel(metric).lowercased(), quality: true)
        }, in: schoolGroups)
        if !qualityColumns.isEmpty {
            w.element("h3", text: say("Datakvalitet etter skole", "Data quality by school"))
            w.element("p", text: say(
                "En skole som ikke registrerer kontakt med hjemmet, ser rask ut uten å være det. Tallene er antall saker som mangler opplysningen eller har en datofeil.",
                "A school that records no contact with the home looks fast without being so. The numbers are cases lacking the item or with a date error."))
            schoolTables(&w, caption: say("Saker med mangler eller feil i dataene, etter skole", "Cases with missing or faulty data, by school"),
                         columns: qualityColumns, size: 5, beside: cases, groups: schoolGroups)
        }
        w.close("section")
        w.newline()
    }

    /// The columns with a figure for at least one of the schools.
    func present(_ columns: [SchoolColumn], in schools: [String]) -> [SchoolColumn] {
        columns.filter { c in
            schools.contains { (c.quality ? qualityIndex : index).figure(c.measurement, grouping: Grouping.school.name, group: $0) != nil }
        }
    }

    /// `columns` beside the case count, in tables of at most `size` of them, each captioned
    /// with its part ("del 1 av 2"); one table of the case count alone when there are none.
    func schoolTables(_ w: inout MarkupWriter, caption: String, columns: [SchoolColumn], size: Int,
                      beside cases: SchoolColumn, groups: [String]) {
        let parts = chunks(columns, size: size)
        for (i, part) in (parts.isEmpty ? [[]] : parts).enumerated() {
            schoolTable(&w, caption: caption + partSuffix(i, of: parts.count), columns: [cases] + part, groups: groups)
        }
    }

    func chunks<T>(_ items: [T], size: Int) -> [[T]] {
        stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) }
    }

    func partSuffix(_ i: Int, of count: Int) -> String {
        count > 1 ? say(" (del \(i + 1) av \(count))", " (part \(i + 1) of \(count))") : ""
    }

    /// A school's name as the report shows it, with its organisation number.
    func schoolName(_ orgnr: String) -> String { content.schoolNames[orgnr] ?? orgnr }

    /// One table: a row per school (by name), then the total rows: each municipality, and all
    /// cases when there is more than one municipality.
    private func schoolTable(_ w: inout MarkupWriter, caption: String, columns: [SchoolColumn], groups: [String]) {
        let school = Grouping.school.name
        let municipality = Grouping.municipality.name
        let all = Grouping.all.name
        let sorted = groups.sorted { (schoolName($0).lowercased(), $0) < (schoolName($1).lowercased(), $1) }
        typealias Row = (label: String, code: String?, grouping: String, group: String, total: Bool)
        func schoolRow(_ orgnr: String) -> Row { (schoolName(orgnr), content.schoolNames[orgnr] == nil ? nil : orgnr, school, orgnr, false) }
        var rows: [Row] = []
        let municipalities = index.groups(of: .municipality)
        var placed = Set<String>()
        // Each municipality's schools, then its total.
        for m in municipalities {
            let own = sorted.filter { content.schoolMunicipalities[$0] == m }
            rows += own.map(schoolRow)
            placed.formUnion(own)
            rows.append((municipalities.count == 1 ? say("Kommunen i alt", "Municipality total")
                            : say("Kommune \(m) i alt", "Municipality \(m) total"), nil, municipality, m, true))
        }
        let unplaced = sorted.filter { !placed.contains($0) }
        if !unplaced.isEmpty { rows.insert(contentsOf: unplaced.map(schoolRow), at: 0) }
        if municipalities.count != 1 { rows.append((strings.totalRow, nil, all, all, true)) }

        w.open("div", [("class", "table-wrap")])
        w.open("table", [("class", "school-table")])
        w.element("caption", text: caption)
        w.open("thead")
        w.open("tr")
        w.element("th", [("scope", "col")], text: say("Skole", "School"))
        for c in columns {
            w.element("th", [("scope", "col"), ("class", "num")]) { w in
                w.text(c.title)
                if let detail = c.detail { w.element("span", [("class", "unit")], text: detail) }
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
            w.element("th", [("scope", "row")]) { w in
                w.text(row.label)
                if let code = row.code { w.element("span", [("class", "unit")], text: code) }
            }
            for c in columns {
                let source = c.quality ? qualityIndex : index
                let text = FigureText(source.figure(c.measurement, grouping: row.grouping, group: row.group), style: numbers)
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
}
