import Foundation
import XCTest

/// The run's report beside the figures: the internal follow-up list (pseudonyms, school,
/// kind; never in the published files) and the Kaplan–Meier curves (only groups whose median
/// was published).
final class FollowUpAndCurvesTests: XCTestCase {
    func testInternalListHoldsPseudonymsOnlyAndStaysOutOfThePublishedFiles() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let list = try String(contentsOfFile: run.output + "/internal/avvik-til-oppfolging.csv", encoding: .utf8)
        let lines = list.split(separator: "\r\n").map(String.init)
        XCTAssertEqual(lines.first, "skole_orgnr,avvik,avvik_tekst,sak_pseudonym,elev_pseudonym")
        XCTAssertGreaterThan(lines.count, 1, "the demo has deviations")
        var pseudonyms = Set<String>()
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(cells.count, 5, line)
            XCTAssertNotNil(cells[0].range(of: "^[0-9]{9}$", options: .regularExpression), line)
            XCTAssertNotNil(cells[3].range(of: "^[a-z2-7]{20,}$", options: .regularExpression), line)
            pseudonyms.insert(cells[3])
            if !cells[4].isEmpty { pseudonyms.insert(cells[4]) }
        }
        // No personal value of the inputs, and no pseudonym in the published files.
        let oracle = try DemoOracle()
        for value in oracle.personalValues where value.count >= 4 { XCTAssertFalse(list.contains(value), "a personal value in the list") }
        for name in ["report.html", "tables.csv", "tables.json", "tabeller-excel.csv", "codebook.md", "tables.schema.json", "manifest.json"] {
            let text = try String(contentsOfFile: run.output + "/" + name, encoding: .utf8)
            for p in pseudonyms { XCTAssertFalse(text.contains(p), "\(name) holds a pseudonym of the internal list") }
        }
        XCTAssertTrue(try String(contentsOfFile: run.output + "/internal/IKKE-FOR-PUBLISERING.txt", encoding: .utf8).hasPrefix("IKKE FOR PUBLISERING"))
        let html = try String(contentsOfFile: run.output + "/report.html", encoding: .utf8)
        XCTAssertTrue(html.contains("id=\"kurver\""), "curves drawn")
        XCTAssertTrue(html.contains("id=\"skoler\""), "schools table")
        XCTAssertTrue(html.contains("id=\"metode\""), "method section")
    }
}
