import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Measure
@testable import Publish
import SaksgangCore
import XCTest

/// The sections a school office acts on: schools, banner, numbers as said, curves, terms,
/// method; and the internal list kept out of the report.
final class ReportSectionsTests: XCTestCase {
    let html = ReportPage(FortySchoolsReport.content()).render()

    /// The page's text without tags, as a reader sees it.
    static func visibleText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true; out.append(" "); continue }
            if ch == ">" { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        return out.replacingOccurrences(of: "&nbsp;", with: " ")
    }

    func testSchoolTableListsEverySchoolWithTheMunicipalityTotal() throws {
        let start = try XCTUnwrap(html.range(of: "id=\"skoler\"")).upperBound
        let end = try XCTUnwrap(html[start...].range(of: "</section>")).lowerBound
        let section = String(html[start..<end])
        for school in FortySchoolsReport.schools {
            XCTAssertTrue(section.contains(">\(school.name)<"), school.name)
            XCTAssertTrue(section.contains(school.orgnr), school.orgnr)
        }
        XCTAssertTrue(section.contains("kommuneloven § 25-1"))
        XCTAssertTrue(section.contains("mål: samme eller neste arbeidsdag"))
        for kind in DeviationKind.allCases { XCTAssertTrue(section.contains(kind.label.bokmal), kind.rawValue) }
        XCTAssertTrue(section.contains("Tidspunkt for kjennskap"), "data quality by school")
        let total = try XCTUnwrap(section.tableRow(containing: "Kommunen i alt"))
        XCTAssertTrue(total.contains(">1200<"), total)
        // Each table's schools come before the total.
        XCTAssertLessThan(try XCTUnwrap(section.range(of: "Bjølsen skole")).lowerBound,
                          try XCTUnwrap(section.range(of: "Kommunen i alt")).lowerBound)
        // Every table has a caption and column and row headers.
        XCTAssertEqual(section.components(separatedBy: "<table").count - 1, section.components(separatedBy: "<caption>").count - 1)
        XCTAssertTrue(section.contains("<th scope=\"row\">"))
    }

    func testBannerSaysInWordsWhatWasRefusedAndWithheld() throws {
        let start = try XCTUnwrap(html.range(of: "<aside class=\"banner\"")).lowerBound
        let end = try XCTUnwrap(html[start...].range(of: "</aside>")).upperBound
        let banner = String(html[start..<end])
        XCTAssertLessThan(start, try XCTUnwrap(html.range(of: "Hovedtall")).lowerBound, "at the top")
        XCTAssertTrue(banner.contains("1 fil ble avvist"))
        XCTAssertTrue(banner.contains("filen er avkortet"))
        XCTAssertFalse(banner.contains("gzip_truncated"), "no reason code")
        XCTAssertTrue(banner.contains("10 poster ble satt til side"))
        XCTAssertTrue(banner.contains("36 saker mangler tidspunktet"))
        XCTAssertTrue(banner.contains("7 saker har en hendelse datert før"))
        // Nothing refused or missing: no banner.
        XCTAssertFalse(ReportPage(SampleReportWithoutProblems.content).render().contains("class=\"banner\""))
    }

    func testNoNumberReadsLikeMachineOutput() {
        for language in ReportLanguage.allCases {
            let text = Self.visibleText(ReportPage(FortySchoolsReport.content(language: language)).render())
            let machine = try! NSRegularExpression(pattern: "(?<![0-9.,])[0-9]+[.,]0(?![0-9])")
            let hits = machine.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range) }
            XCTAssertEqual(hits, [], "\(language): numbers with a trailing ,0")
            for wrong in ["1 arbeidsdager", "1 dager", "0 arbeidsdager", "1 working days", "1 days", "0 working days"] {
                XCTAssertNil(text.range(of: "(?<![0-9,.])" + wrong, options: .regularExpression), "\(language): \(wrong)")
            }
        }
    }

    func testSpokenNumbers() {
        let nb = ReportStrings.bokmal
        func say(_ v: Double, _ u: FigureUnit = .workingDays) -> String { SpokenNumber(v, unit: u, style: nb.numbers, strings: nb).text }
        XCTAssertEqual(say(0), "samme dag")
        XCTAssertEqual(say(0.02), "samme dag")
        XCTAssertEqual(say(1), "1 arbeidsdag")
        XCTAssertEqual(say(1.04), "1 arbeidsdag")
        XCTAssertEqual(say(2), "2 arbeidsdager")
        XCTAssertEqual(say(2.5), "2,5 arbeidsdager")
        XCTAssertEqual(say(90, .calendarDays), "90 dager")
        XCTAssertEqual(say(1, .cases), "1 sak")
        XCTAssertEqual(NumberStyle.bokmal.short(3.0), "3")
        XCTAssertEqual(NumberStyle.bokmal.short(-0.01), "0")
        XCTAssertEqual(NumberStyle.english.short(2.25), "2.3")
    }

    func testTermsInTheOrderTheyHappened() throws {
        let start = try XCTUnwrap(html.range(of: "id=\"halvar\"")).upperBound
        let section = html[start...]
        let positions = ["våren 2024", "høsten 2024", "våren 2025"].map { section.range(of: ">\($0)<")?.lowerBound }
        XCTAssertEqual(positions.compactMap { $0 }.count, 3)
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertTrue(ReportPage(FortySchoolsReport.content(language: .english)).render().contains(">autumn 2024<"))
    }

    func testCurvesAreStepCurvesWithBandsCensoringMarksAndATableOfValues() throws {
        let start = try XCTUnwrap(html.range(of: "id=\"kurver\"")).upperBound
        let end = try XCTUnwrap(html[start...].range(of: "</section>")).lowerBound
        let section = String(html[start..<end])
        let svgs = section.svgElements
        XCTAssertEqual(svgs.count, 2, "first contact and closure")
        for svg in svgs {
            XCTAssertNotNil(XMLParserCheck.parse(svg), "well-formed")
            XCTAssertTrue(svg.contains("fill-opacity"), "band")
            XCTAssertTrue(svg.contains(" H") && svg.contains(" V"), "steps")
            XCTAssertTrue(svg.contains("stroke-dasharray"), "line patterns besides colour")
            XCTAssertTrue(svg.contains("role=\"img\"") && svg.contains("<title"), "accessible name")
        }
        XCTAssertTrue(section.contains("Innvandrere (n = 300)"))
        XCTAssertTrue(section.contains("Verdiene i figuren"))
        XCTAssertTrue(section.contains(">samme dag<") && section.contains(">innen 1 arbeidsdag<"))
        XCTAssertTrue(section.contains("Én utenlandsfødt forelder"), "a group without a curve is named")
        XCTAssertTrue(section.contains("færre enn k = 5 saker"))
    }

    func testMethodSectionNamesTheEstimatorsTheCorrectionAndTheAudit() throws {
        let start = try XCTUnwrap(html.range(of: "id=\"metode\"")).upperBound
        let method = String(html[start...])
        for phrase in ["Kaplan–Meier", "sensurert", "Greenwood", "log-log", "quantile.survfit", "midtpunktet", "Wilson",
                       "log-rank", "Cochran–Mantel–Haenszel", "Holm-metoden", "k = 5", "kuttes der færre enn k = 5",
                       "5120 celler er kontrollert", "212 er skjult", "kravet er oppfylt", "skoledager", "påsken regnes ut"] {
            XCTAssertTrue(method.contains(phrase), phrase)
        }
        var failed = FortySchoolsReport.content()
        failed.audit = DisclosureAuditSummary(cellsChecked: 10, cellsWithheld: 2, narrowestWidth: 1, passed: false)
        XCTAssertTrue(ReportPage(failed).render().contains("kravet er ikke oppfylt"))
        var none = FortySchoolsReport.content()
        none.audit = nil
        XCTAssertFalse(ReportPage(none).render().contains("Revisjon:"))
    }

    func testHeadlineCardsEachSayOnlyTheirOwnThing() throws {
        let cards = html.components(separatedBy: "<div class=\"card\">").dropFirst().map { String($0.prefix { $0 != "\n" }) }
        XCTAssertGreaterThanOrEqual(cards.count, 8)
        for metric in Metric.catalogue {
            guard let sentence = metric.headline?.sentence.bokmal else { continue }
            let marker = sentence.components(separatedBy: "{value}").flatMap { $0.components(separatedBy: "{target}") }
                .max { $0.count < $1.count }!
            XCTAssertEqual(cards.filter { $0.contains(marker) }.count, 1, "\(metric.name): \(marker)")
            XCTAssertTrue(cards.first { $0.contains(marker) }?.contains(">" + metric.label.bokmal) == true, metric.name)
        }
    }

    func testInternalListHoldsPseudonymsSchoolAndKindOnlyAndIsMarked() throws {
        let entries = [DeviationFollowUp.Entry(school: "970100007", kind: .noActivityPlan, casePseudonym: Pseudonym("casepseudonymaaaa"),
                                               pupilPseudonym: Pseudonym("pupilpseudonymbbbb"))]
        let report = try WrittenReport(FortySchoolsReport.content())
        defer { report.remove() }
        let files = try FollowUpListWriter.write(entries, to: report.directory.path)
        XCTAssertEqual(files.map { $0.name }, [FollowUpListWriter.listName, FollowUpListWriter.noteName])
        let list = try report.text(FollowUpListWriter.listName)
        XCTAssertEqual(list, "skole_orgnr,avvik,avvik_tekst,sak_pseudonym,elev_pseudonym\r\n970100007,no_activity_plan,Tiltak uten skriftlig aktivitetsplan,casepseudonymaaaa,pupilpseudonymbbbb\r\n")
        XCTAssertTrue(try report.text(FollowUpListWriter.noteName).hasPrefix("IKKE FOR PUBLISERING"))
        for name in ReportWriter.fileNames {
            let text = try report.text(name)
            XCTAssertFalse(text.contains("casepseudonymaaaa") || text.contains("pupilpseudonymbbbb"), name)
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: report.directory.appendingPathComponent("internal").path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o700)
    }
}

/// A report with nothing refused, set aside or missing.
enum SampleReportWithoutProblems {
    static var content: ReportContent {
        var c = SampleReport.content()
        c.files = c.files.filter { $0.errorReason == nil }.map { var f = $0; f.quarantined = 0; f.records -= 2; return f }
        c.dataQuality = []
        return c
    }
}

/// Parses a fragment as XML; nil when it is not well-formed.
enum XMLParserCheck {
    static func parse(_ text: String) -> Bool? {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse() ? true : nil
    }
}

/// The page is well-formed (read as XML once its void elements are closed), every id is
/// unique, every table has a caption and scoped headers, every chart has a title and a
/// description and a table of its values, and the palette never carries meaning alone.
final class ReportMarkupTests: XCTestCase {
    func testMarkupIsWellFormedAndAccessible() throws {
        for language in ReportLanguage.allCases {
            let html = ReportPage(FortySchoolsReport.content(language: language)).render()
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n"))
            let xml = html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
                .replacingOccurrences(of: "<meta ([^>]*[^/])>", with: "<meta $1/>", options: .regularExpression)
            let parser = XMLParser(data: Data(xml.utf8))
            let collector = IdCollector()
            parser.delegate = collector
            XCTAssertTrue(parser.parse(), "\(language): \(String(describing: parser.parserError))")
            XCTAssertEqual(collector.duplicates, [], "ids used twice")
            XCTAssertEqual(collector.tables, collector.captions, "a caption on every table")
            XCTAssertEqual(collector.unscopedHeaders, 0, "every th has a scope")
            XCTAssertEqual(collector.svgs, collector.svgTitles, "a title in every chart")
            XCTAssertGreaterThanOrEqual(html.components(separatedBy: "Verdiene i figuren").count + html.components(separatedBy: "The chart&#39;s values").count - 2,
                                        collector.svgs, "a table of values for every chart")
        }
    }
}

private final class IdCollector: NSObject, XMLParserDelegate {
    var ids = Set<String>()
    var duplicates: [String] = []
    var tables = 0, captions = 0, unscopedHeaders = 0, svgs = 0, svgTitles = 0
    private var inSVG = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if let id = attributes["id"], !ids.insert(id).inserted { duplicates.append(id) }
        switch name {
        case "table": tables += 1
        case "caption": captions += 1
        case "th": if attributes["scope"] == nil { unscopedHeaders += 1 }
        case "svg": svgs += 1; inSVG = true
        case "title": if inSVG { svgTitles += 1 }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "svg" { inSVG = false }
    }
}
