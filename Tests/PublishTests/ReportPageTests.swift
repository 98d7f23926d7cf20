import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Measure
@testable import Publish
import XCTest

final class ReportPageTests: XCTestCase {
    func render(_ content: ReportContent) -> String { ReportPage(content).render() }

    func testWithheldGroupShowsNoNumberAndTheFootnoteGivesK() throws {
        let html = render(SampleReport.content())
        let row = try XCTUnwrap(html.tableRow(containing: ">Én utenlandsfødt forelder</th>"))
        XCTAssertTrue(row.contains("–*"))
        XCTAssertNil(row.rangeOfCharacter(from: .decimalDigits), "a withheld row shows a number: \(row)")
        XCTAssertTrue(html.contains("* Skjult av personvernhensyn: tallet bygger på færre enn k = 5 saker"))
        XCTAssertTrue(html.contains("Personvern: Tall som bygger på færre enn k = 5 saker"))
        // The withheld group keeps its place, in the official order.
        let order = ["Ingen innvandrerbakgrunn", "Innvandrere", "Norskfødte med innvandrerforeldre",
                     "Én utenlandsfødt forelder", "Ukjent"].map { try? XCTUnwrap(html.range(of: ">\($0)<")?.lowerBound) }
        XCTAssertEqual(order.compactMap { $0 }.count, 5)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
    }

    func testGroupsFollowTheOfficialOrderWhateverOrderTheFiguresCameIn() throws {
        var content = SampleReport.content()
        content.figures.reverse()
        let html = render(content)
        let table = try XCTUnwrap(html.range(of: "Etter innvandringsbakgrunn")).upperBound
        let positions = ["Ingen innvandrerbakgrunn", "Innvandrere", "Norskfødte med innvandrerforeldre",
                         "Én utenlandsfødt forelder", "Ukjent"].compactMap {
            html[table...].range(of: ">\($0)</th>")?.lowerBound
        }
        XCTAssertEqual(positions.count, 5)
        XCTAssertEqual(positions, positions.sorted())
    }

    func testHeadlineInNorwegianNumbers() {
        let html = render(SampleReport.content())
        XCTAssertTrue(html.contains("Rapporten omfatter 88 saker"))
        XCTAssertTrue(html.contains("innen 2 arbeidsdager etter at skolen fikk vite om saken"))
        XCTAssertTrue(html.contains("95\u{00A0}% konfidensintervall: 1–3 arbeidsdager"))
        XCTAssertTrue(html.contains("Halvparten av sakene var avsluttet innen 45 dager"))
        XCTAssertTrue(html.contains("44\u{00A0}% av sakene hadde første kontakt med hjemmet innen målet: samme eller neste arbeidsdag."))
        XCTAssertTrue(html.contains("13\u{00A0}% av sakene gjelder krenkelser knyttet til etnisitet"))
        XCTAssertTrue(html.contains("4. mars 2025"))
        XCTAssertTrue(html.contains("<html lang=\"nb\">"))
        // An upper bound not reached reads as open-ended.
        XCTAssertTrue(html.contains("40–…"))
    }

    func testNorwegianAndEnglishNumberStyles() {
        let nb = NumberStyle.bokmal
        XCTAssertEqual(nb.decimal(2, decimals: 1), "2,0")
        XCTAssertEqual(nb.decimal(-1.25, decimals: 1), "\u{2212}1,3")
        XCTAssertEqual(nb.percent(39.0 / 88), "44\u{00A0}%")
        XCTAssertEqual(nb.integer(1234), "1234")
        XCTAssertEqual(nb.integer(12345), "12\u{00A0}345")
        XCTAssertEqual(nb.integer(1234567), "1\u{00A0}234\u{00A0}567")
        XCTAssertEqual(nb.general(0.4431818), "0,4431818")
        let en = NumberStyle.english
        XCTAssertEqual(en.decimal(2, decimals: 1), "2.0")
        XCTAssertEqual(en.percent(0.5), "50%")
        XCTAssertEqual(en.integer(1234), "1,234")
    }

    func testEnglishReport() {
        let html = render(SampleReport.content(language: .english))
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
        XCTAssertTrue(html.contains("within 2 working days of the school knowing"))
        XCTAssertTrue(html.contains("No immigrant background"))
        XCTAssertTrue(html.contains("4 March 2025"))
        XCTAssertFalse(html.contains("arbeidsdager"))
    }

    func testEverythingFromTheContentIsEscaped() {
        var content = SampleReport.content(title: "Skolen <script>alert('x')</script> & co")
        content.files.append(FileSummary(name: "evil\"<script>.csv", format: "smc", records: 1, inserted: 1))
        content.figures.append(Figure(metric: .cases, statistic: .count, unit: .cases, grouping: "school",
                                      group: "<b onmouseover=\"x\">", n: 7, estimate: 7))
        content.targets.append(TargetDescription(metric: .timeToInvestigation, text: "a </li><img src=x> <i>"))
        let html = render(content)
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.contains("<b "))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<i>"))
        XCTAssertTrue(html.contains("<title>Skolen &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</title>"))
        XCTAssertTrue(html.contains("evil&quot;&lt;script&gt;.csv"))
        XCTAssertTrue(html.contains("&lt;b onmouseover=&quot;x&quot;&gt;"))
        XCTAssertEqual(MarkupWriter.escape("a\u{0}b\"'<>&"), "a\u{FFFD}b&quot;&#39;&lt;&gt;&amp;")
    }

    func testSelfContainedNoScriptsNoExternalResources() {
        let html = render(SampleReport.content()).lowercased()
        for forbidden in ["<script", "<link", "@import", "url(", "src=", "href=\"http", "<iframe"] {
            XCTAssertFalse(html.contains(forbidden), forbidden)
        }
    }

    func testChartsAreWellFormedXMLWithTheWithheldGroupLabelled() throws {
        let html = render(SampleReport.content())
        let svgs = html.svgElements
        XCTAssertEqual(svgs.count, 2, "first contact within target by background, ethnicity-based by background")
        for svg in svgs {
            let parser = XMLParser(data: Data(svg.utf8))
            let counter = ElementCounter()
            parser.delegate = counter
            XCTAssertTrue(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
            XCTAssertEqual(counter.root, "svg")
            XCTAssertGreaterThan(counter.counts["line", default: 0], 5, "axis, ticks and whiskers")
            XCTAssertGreaterThanOrEqual(counter.counts["text", default: 0], 10)
        }
        let within = try XCTUnwrap(svgs.first { $0.contains("Første kontakt innen målet, etter innvandringsbakgrunn") })
        XCTAssertTrue(within.contains(">Én utenlandsfødt forelder</text>"))
        XCTAssertTrue(within.contains(">skjult</text>"))
        XCTAssertTrue(within.contains(">Alle: 44\u{00A0}%</text>"))
        XCTAssertTrue(within.contains(">36\u{00A0}%</text>"), "value label of norwegian_born_to_immigrants")
        XCTAssertTrue(within.contains(">100\u{00A0}%</text>"), "share axis in percent")
        // Each chart has a table of its values beside it.
        let table = try XCTUnwrap(html.tableRow(containing: "Norskfødte med innvandrerforeldre</th><td class=\"num\">36"))
        XCTAssertTrue(table.contains("15–65\u{00A0}%"))
    }

    func testGroupingsAndMetricsAreLabelledFromTheModel() throws {
        let html = render(SampleReport.content())
        // Gender is left to the table files, and the report says so.
        XCTAssertTrue(html.contains("Tall etter kjønn står i tabellfilene"))
        var content = SampleReport.content()
        for i in content.figures.indices where content.figures[i].grouping == "gender" { content.figures[i].grouping = "minority_language" }
        content.figures = content.figures.map { f in
            var f = f
            if f.grouping == "minority_language" { f.group = f.group == "J" ? "yes" : "no" }
            return f
        }
        let minority = render(content)
        XCTAssertTrue(minority.contains("Etter minoritetsspråklig elev"))
        XCTAssertTrue(minority.contains("Tid til skriftlig aktivitetsplan"))
        let row = try XCTUnwrap(minority.tableRow(containing: ">Ja</th>"))
        XCTAssertTrue(row.contains("4,5"))
        XCTAssertTrue(html.contains("Etter etnisk basert krenkelse"))
        XCTAssertTrue(html.contains("Saker som mangler et felt: Tidspunkt for kjennskap"), "data-quality row")
        // No machine name of a metric reaches the page as a label.
        for metric in Metric.catalogue { XCTAssertFalse(html.contains(">\(metric.name)<"), metric.name) }
    }

    /// Each card says its own sentence, once: the ethnicity sentence stands under the
    /// ethnicity card only.
    func testEachHeadlineCardSaysItsOwnThing() throws {
        let html = render(SampleReport.content())
        let cards = html.components(separatedBy: "<div class=\"card\">").dropFirst()
        XCTAssertGreaterThanOrEqual(cards.count, 4)
        let ethnicity = cards.filter { $0.contains("knyttet til etnisitet") }
        XCTAssertEqual(ethnicity.count, 1)
        XCTAssertTrue(try XCTUnwrap(ethnicity.first).contains("Etnisk baserte saker"))
        var sentences = Set<String>()
        for card in cards {
            let sentence = try XCTUnwrap(card.components(separatedBy: "<p>").dropFirst().first)
            XCTAssertTrue(sentences.insert(sentence).inserted, "a sentence under two cards: \(sentence)")
        }
    }

    func testInputFilesAndQuarantine() throws {
        var content = SampleReport.content()
        content.files.append(FileSummary(name: "odd.csv", format: "smc", records: 10, inserted: 3))
        let html = render(content)
        let visma = try XCTUnwrap(html.tableRow(containing: "visma-2025-03-03.smx.xml.gz"))
        XCTAssertTrue(visma.contains(">60</td>") && visma.contains(">55</td>") && visma.contains("Lest inn"))
        XCTAssertTrue(try XCTUnwrap(html.tableRow(containing: "class=\"file\">broken.smx.xml.gz")).contains("Avvist: filen er avkortet"))
        XCTAssertTrue(try XCTUnwrap(html.tableRow(containing: "visma-2025-03-02")).contains("Hoppet over"))
        XCTAssertTrue(try XCTUnwrap(html.tableRow(containing: "odd.csv")).contains("Tallene går ikke opp"))
        XCTAssertTrue(html.contains("4 poster ble satt til side"))
    }
}

/// Counts elements by name and remembers the root, for the SVG checks.
private final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var root: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        counts[name, default: 0] += 1
    }
}
