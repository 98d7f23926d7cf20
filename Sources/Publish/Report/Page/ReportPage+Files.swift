extension ReportPage {
    /// The input files of the run: name, format, records read and what became of them. A
    /// file whose counts do not add up says so in its status.
    func inputFiles(_ w: inout MarkupWriter) {
        w.open("section", [("class", "files"), ("id", "filer")])
        w.element("h2", text: strings.filesTitle)
        w.newline()
        if content.files.isEmpty {
            w.element("p", text: strings.noFiles)
        } else {
            w.open("div", [("class", "table-wrap")])
            w.open("table", [("class", "file-table")])
            w.element("caption", text: strings.filesTitle)
            w.open("thead")
            w.open("tr")
            for (i, column) in strings.fileColumns.enumerated() {
                let numeric = i >= 2 && i < strings.fileColumns.count - 1
                w.element("th", [("scope", "col")] + (numeric ? [("class", "num")] : []), text: column)
            }
            w.close("tr")
            w.close("thead")
            w.newline()
            w.open("tbody")
            for file in content.files {
                w.open("tr")
                w.element("th", [("scope", "row"), ("class", "file")], text: file.name)
                w.element("td", text: file.format)
                for count in [file.records, file.inserted, file.updated, file.duplicates, file.quarantined] {
                    if file.countsWithheld { cell(&w, .withheld) } else { w.element("td", [("class", "num")], text: numbers.integer(count)) }
                }
                var status = file.errorReason.map { strings.fileRefused(ReasonWords.words($0, language: content.language)) }
                    ?? (file.skipped ? strings.fileSkipped : strings.fileIngested)
                if !file.isReconciled { status += " · " + strings.fileNotReconciled }
                w.element("td", file.isReconciled ? [] : [("class", "warning")], text: status)
                w.close("tr")
                w.newline()
            }
            closeTable(&w)
        }
        if content.files.contains(where: \.countsWithheld) { w.element("p", text: strings.fileCountsWithheld) }
        w.element("p", text: content.quarantineCount.map { $0 > 0 ? strings.quarantineSentence(numbers.integer($0)) : strings.noQuarantine }
            ?? strings.quarantineUncounted)
        w.close("section")
        w.newline()
    }

    /// Data-quality figures (metrics.md §6) in one plain table.
    func dataQuality(_ w: inout MarkupWriter) {
        guard !quality.isEmpty else { return }
        w.open("section", [("class", "quality"), ("id", "datakvalitet")])
        w.element("h2", text: strings.qualityTitle)
        w.element("p", text: strings.qualityIntro)
        w.open("div", [("class", "table-wrap")])
        w.open("table")
        w.element("caption", text: strings.qualityTitle)
        w.open("thead")
        w.open("tr")
        for (i, column) in strings.qualityColumns.enumerated() {
            w.element("th", [("scope", "col")] + (i >= 3 ? [("class", "num")] : []), text: column)
        }
        w.close("tr")
        w.close("thead")
        w.newline()
        w.open("tbody")
        var withheld = false
        var notAvailable = false
        // Zero rows are left out here (they are in tables.csv and tables.json).
        for figure in quality where figure.suppressed || (figure.n ?? 0) > 0 {
            w.open("tr")
            w.element("th", [("scope", "row")], text: strings.metricLabel(figure.metric)
                + (figure.category.map { ": " + strings.categoryLabel(figure.metric, $0) } ?? ""))
            w.element("td", text: strings.groupingTitle(figure.grouping))
            w.element("td", text: strings.groupLabel(grouping: figure.grouping, group: figure.group))
            if figure.suppressed {
                cell(&w, .withheld)
            } else {
                cell(&w, figure.n.map { .value(main: numbers.integer($0), interval: nil) } ?? .notAvailable)
            }
            let text = FigureText(figure, style: numbers)
            if text == .withheld { withheld = true }
            if text == .notAvailable || (!figure.suppressed && figure.n == nil) { notAvailable = true }
            cell(&w, text)
            w.close("tr")
            w.newline()
        }
        closeTable(&w)
        footnotes(&w, withheld: withheld, notAvailable: notAvailable)
        w.close("section")
        w.newline()
    }
}
