import Measure

/// The HTML report: one self-contained file (inline CSS and SVG, no scripts, no fonts or
/// links from elsewhere) that a municipal education office can open, read and print.
/// Every value in it comes from `ReportContent` and is escaped on the way out.
struct ReportPage {
    let content: ReportContent
    let strings: ReportStrings
    let index: FigureIndex
    let quality: [Figure]
    /// Every data-quality figure, for the table of schools.
    let qualityIndex: FigureIndex

    init(_ content: ReportContent) {
        self.content = content
        self.strings = .forLanguage(content.language)
        self.index = FigureIndex(content.figures.map(\.published))
        // All cases here; each school in the table of schools; the other groupings in the table files.
        self.quality = content.dataQuality.filter { $0.grouping == Grouping.all.name }.map(\.published)
        self.qualityIndex = FigureIndex(content.dataQuality.map(\.published))
    }

    var numbers: NumberStyle { strings.numbers }
    var k: String { numbers.integer(content.threshold) }

    func render() -> String {
        var w = MarkupWriter()
        w.trusted("<!DOCTYPE html>\n")
        w.open("html", [("lang", strings.htmlLanguage)])
        w.newline()
        head(&w)
        w.open("body")
        w.newline()
        w.open("main")
        w.newline()
        header(&w)
        banner(&w)
        headline(&w)
        schools(&w)
        curves(&w)
        charts(&w)
        comparisons(&w)
        terms(&w)
        ethnicity(&w)
        closings(&w)
        groupTables(&w)
        dataQuality(&w)
        inputFiles(&w)
        notes(&w)
        method(&w)
        w.element("footer", text: strings.footer)
        w.newline()
        w.close("main")
        w.newline()
        w.close("body")
        w.newline()
        w.close("html")
        w.newline()
        return w.output
    }

    private func head(_ w: inout MarkupWriter) {
        w.open("head")
        w.newline()
        w.empty("meta", [("charset", "utf-8")], selfClosing: false)
        w.newline()
        w.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")],
                selfClosing: false)
        w.newline()
        w.element("title", text: content.title)
        w.newline()
        w.open("style")
        w.trusted(ReportPage.stylesheet)
        w.close("style")
        w.newline()
        w.close("head")
        w.newline()
    }

    private func header(_ w: inout MarkupWriter) {
        w.open("header")
        w.element("p", [("class", "kicker")], text: strings.kicker)
        w.element("h1", text: content.title)
        w.element("p", [("class", "as-of")], text: strings.asOf(strings.date(content.asOf)) + " " + strings.renewed(content.publication))
        w.close("header")
        w.newline()
    }

    /// A figure's text for a table cell: the number, and its interval on a second line.
    func cell(_ w: inout MarkupWriter, _ text: FigureText) {
        switch text {
        case let .value(main, interval):
            w.open("td", [("class", "num")])
            w.text(main)
            if let interval { w.element("span", [("class", "ci")], text: interval) }
            w.close("td")
        case .withheld:
            w.element("td", [("class", "num withheld")]) { w in
                w.element("span", [("title", strings.withheldWord)], text: strings.withheldMark)
            }
        case .notAvailable:
            w.element("td", [("class", "num na")], text: strings.notAvailableMark)
        }
    }

    /// The footnotes a table needs: the withheld one (with k) and the one for missing figures.
    /// Closes a table opened inside its scrolling wrapper.
    func closeTable(_ w: inout MarkupWriter) {
        w.close("tbody")
        w.close("table")
        w.close("div")
        w.newline()
    }

    func footnotes(_ w: inout MarkupWriter, withheld: Bool, notAvailable: Bool) {
        if withheld {
            w.element("p", [("class", "footnote withheld-note")], text: strings.withheldFootnote(k))
            w.newline()
        }
        if notAvailable {
            w.element("p", [("class", "footnote")], text: strings.notAvailableFootnote)
            w.newline()
        }
    }
}
