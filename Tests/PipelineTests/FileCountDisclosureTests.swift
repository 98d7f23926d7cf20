import Foundation
import TestSupport
import XCTest

/// The input files' counts in what a run publishes: a file is often one school's or one
/// municipality's export, so its counts are counts of cases and pass the primary rule, all of
/// a file's together (docs/disclosure.md, "Files"). The demo's later SMC delta updates one
/// case: its counts must not show.
final class FileCountDisclosureTests: XCTestCase {
    static let countKeys = ["records", "inserted", "updated", "duplicates", "quarantined"]

    func testNoFileCountFromOneToKMinusOneLeavesTheProgram() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let data = try Data(contentsOf: URL(fileURLWithPath: run.output + "/manifest.json"))
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let k = try XCTUnwrap(manifest["threshold"] as? Int)
        let inputs = try XCTUnwrap(manifest["inputs"] as? [[String: Any]])
        var withheld: [String] = []
        for input in inputs {
            let name = try XCTUnwrap(input["name"] as? String)
            let counts = Self.countKeys.map { input[$0] as? Int }
            XCTAssertEqual(input["reconciled"] as? Bool, true, name)
            if counts.allSatisfy({ $0 == nil }) {
                XCTAssertTrue(input["bytes"] is NSNull, "a withheld file's size is withheld too: \(name)")
                withheld.append(name)
                continue
            }
            XCTAssertNotNil(input["bytes"] as? Int, name)
            for (key, value) in zip(Self.countKeys, counts) {
                let v = try XCTUnwrap(value, "\(name): \(key) withheld alone")
                XCTAssertFalse(v >= 1 && v < k, "\(name): \(key) = \(v) published")
            }
        }
        XCTAssertEqual(withheld, ["smc_5001_20250620.csv"])

        // The report's file table shows no count for it (the name is its only digits).
        let html = try String(contentsOfFile: run.output + "/report.html", encoding: .utf8)
        let start = try XCTUnwrap(html.range(of: ">smc_5001_20250620.csv</th>"))
        let end = try XCTUnwrap(html.range(of: "</tr>", range: start.upperBound..<html.endIndex))
        let row = html[start.upperBound..<end.lowerBound]
        XCTAssertNil(row.rangeOfCharacter(from: .decimalDigits), String(row))

        // Entries per file would give the counts back: the quarantine file is the operator's.
        XCTAssertFalse(FileManager.default.fileExists(atPath: run.output + "/quarantine.jsonl"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: run.output + "/internal/quarantine.jsonl"))
        let note = try String(contentsOfFile: run.output + "/internal/IKKE-FOR-PUBLISERING.txt", encoding: .utf8)
        XCTAssertTrue(note.contains("quarantine.jsonl"))
    }
}
