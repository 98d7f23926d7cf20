import Foundation
import Logging
import Pipeline
import Pseudonymize
import SaksgangCore
import Store
import TestSupport
import XCTest

/// The mapping checks guard a run, and a reading is (file hash, mapping hash): a mapping
/// fixed after a faulty night recovers what the faulty one quarantined or mis-read, and the
/// tables equal those of a fresh run with the corrected mapping.
final class MappingChangeTests: XCTestCase {
    static let smx = try! String(contentsOf: RepoPaths.pipelines.appendingPathComponent("mappings/smx.yml"), encoding: .utf8)

    /// A pipeline over the demo exports whose SMX mapping is a copy the test edits.
    struct MappingRun {
        let root: URL
        var output: String { root.appendingPathComponent("out").path }
        var state: String { root.appendingPathComponent("state").path }
        var mappingPath: String { root.appendingPathComponent("smx.yml").path }
        var pipelinePath: String { root.appendingPathComponent("pipeline.yml").path }
        var input: String

        init(smx: String, input: String = RepoPaths.fixtures.appendingPathComponent("demo").path) throws {
            root = RepoPaths.temporaryDirectory("saksgang-mapping")
            self.input = input
            try PseudonymKey.create(atPath: root.appendingPathComponent("demo.key").path)
            let smc = RepoPaths.pipelines.appendingPathComponent("mappings/smc.yml").path
            try """
                name: demo
                input: "\(input)"
                output: out
                state: state
                key: demo.key
                mappings: ["smx.yml", "\(smc)"]
                threshold: 5
                """.write(toFile: pipelinePath, atomically: true, encoding: .utf8)
            try write(smx: smx)
        }

        func write(smx: String) throws { try smx.write(toFile: mappingPath, atomically: true, encoding: .utf8) }

        @discardableResult
        func run() throws -> NightlyRun.Outcome {
            let pipeline = try LoadedPipeline.load(path: pipelinePath, overrides: .init(input: input))
            let sink = LogSink(filePath: pipeline.stateDirectory + "/logs/saksgang.log", toStandardError: false)
            let logger = Logger(label: "test") { LogfmtLogHandler(label: $0, level: .debug, sink: sink) }
            return try NightlyRun(pipeline: pipeline, logger: logger, programVersion: "test").run()
        }

        func quarantine() throws -> [[String: Any]] {
            let text = try String(contentsOfFile: output + "/internal/quarantine.jsonl", encoding: .utf8)
            return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        }

        func tables() throws -> String { try String(contentsOfFile: output + "/tables.csv", encoding: .utf8) }

        /// The published rows of tables.csv by their key (metric, statistic, unit, grouping,
        /// group, category, reference, stratified_by), each as its whole line. Lines end in
        /// CRLF, which Swift reads as one Character: split on the string.
        func rows() throws -> [String: String] {
            var out: [String: String] = [:]
            for line in try tables().components(separatedBy: "\r\n").dropFirst() where !line.isEmpty {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let key = (fields[0..<5] + fields[10..<12] + [fields[17]]).joined(separator: ",")
                if fields[9] == "false" { out[key] = line }
            }
            return out
        }
        func log() throws -> String { try String(contentsOfFile: state + "/logs/saksgang.log", encoding: .utf8) }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    func edit(_ text: String, _ old: String, _ new: String) -> String {
        XCTAssertEqual(text.components(separatedBy: old).count, 2, "'\(old)' must occur once")
        return text.replacingOccurrences(of: old, with: new)
    }

    func lineNumber(of needle: String, in text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
    }

    func testAnInvalidMappingStopsTheRunBeforeAnythingIsRead() throws {
        let yaml = edit(Self.smx, "\ncodes:", "\ncodess:")
        let run = try MappingRun(smx: yaml)
        defer { run.remove() }
        XCTAssertThrowsError(try run.run()) { error in
            let e = error as! SaksgangError
            XCTAssertEqual(e.code, .mapping)
            XCTAssertEqual(e.location.file, run.mappingPath)
            XCTAssertEqual(e.location.line, self.lineNumber(of: "codess:", in: yaml))
            XCTAssertEqual(e.location.field, "codess")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: run.state + "/store.sqlite"), "nothing was read or stored")
    }

    func testATypoInAnOptionalPathIsAWarningNamingTheFieldInTheLogAndQuarantine() throws {
        let run = try MappingRun(smx: edit(Self.smx, #"gender: "Elev/@kjonn""#, #"gender: "Elev/@kjon""#))
        defer { run.remove() }
        let outcome = try run.run()
        XCTAssertEqual(outcome.quarantinedFiles, 0)
        let warnings = try run.quarantine().filter { $0["scope"] as? String == "warning" && $0["reason"] as? String == "field_empty_in_file" }
        XCTAssertEqual(Set(warnings.compactMap { $0["file"] as? String }), ["smx_1103_20250620.xml", "smx_4601_20250620.xml.gz"])
        XCTAssertTrue(warnings.allSatisfy { $0["field"] as? String == "gender" }, "\(warnings)")
        XCTAssertTrue(try run.log().contains("the field gender (from Elev/@kjon) occurs in no record of this file"))
    }

    func testAWrongRecordPathIsQuarantinedAndRecoveredAfterTheFix() throws {
        let run = try MappingRun(smx: edit(Self.smx, "record: /Eksport/Skole/Sak", "record: /Eksport/Skole/Saker"))
        defer { run.remove() }
        let faulty = try run.run()
        let smxFiles = faulty.files.filter { $0.format == "smx" }
        XCTAssertEqual(smxFiles.count, 2)
        XCTAssertTrue(smxFiles.allSatisfy { $0.status == .quarantined && $0.reason == "record_path_matches_nothing" }, "\(smxFiles)")
        let store = try SQLiteStore(path: run.state + "/store.sqlite")
        XCTAssertFalse(try store.ingestedFiles().contains { $0.format == "smx" }, "not recorded as ingested")
        XCTAssertTrue(try run.quarantine().contains { $0["scope"] as? String == "file" && $0["reason"] as? String == "record_path_matches_nothing" })

        try run.write(smx: Self.smx)
        let fixed = try run.run()
        XCTAssertTrue(fixed.allStored)
        XCTAssertTrue(fixed.files.filter { $0.format == "smx" }.allSatisfy { $0.status == .ingested })

        let fresh = try MappingRun(smx: Self.smx)
        defer { fresh.remove() }
        let freshOutcome = try fresh.run()
        XCTAssertEqual(fixed.casesInStore, freshOutcome.casesInStore)
        try assertRecoveredAgrees(run, fresh)
    }

    func testRecordsQuarantinedUnderAFaultyCodeTableAreRecoveredAfterTheFix() throws {
        // A faulty table: the reporter codes `ansatt`, `annen` and `medelev` are missing, and
        // a faulty case-number path that the fix corrects (every case under another id).
        var faulty = edit(Self.smx, #"reported_by: "Kjennskap/@meldtAv""#, #"reported_by: { from: "Kjennskap/@meldtAv", codes: reporter }"#)
        faulty = edit(faulty, "  boolean: {", "  reporter: { elev: elev, foresatt: foresatt }\n  boolean: {")
        var fixedMapping = edit(faulty, "  reporter: { elev: elev, foresatt: foresatt }",
                                "  reporter: { elev: elev, foresatt: foresatt, ansatt: ansatt, annen: annen, medelev: medelev }")
        faulty = edit(faulty, #"case_number: "@id""#, #"case_number: "@opprettet""#)
        fixedMapping = edit(fixedMapping, #"case_number: "@id""#, #"case_number: "@id""#)

        let run = try MappingRun(smx: faulty)
        defer { run.remove() }
        let first = try run.run()
        XCTAssertGreaterThan(first.quarantinedRecords, 0)
        XCTAssertTrue(try run.quarantine().contains { $0["reason"] as? String == "unknown_code" && ($0["field"] as? String ?? "").hasPrefix("reported_by") })

        try run.write(smx: fixedMapping)
        let second = try run.run()
        XCTAssertTrue(second.allStored, "\(second.files)")
        XCTAssertTrue(second.files.filter { $0.format == "smx" }.allSatisfy { $0.status == .ingested })
        XCTAssertTrue(second.files.filter { $0.format == "smc" }.allSatisfy { $0.status == .skipped })
        XCTAssertTrue(try run.log().contains("the mapping changed: every file it read is read again"))

        let fresh = try MappingRun(smx: fixedMapping)
        defer { fresh.remove() }
        let freshOutcome = try fresh.run()
        XCTAssertEqual(second.casesInStore, freshOutcome.casesInStore, "cases mis-read under the old ids do not linger")
        try assertRecoveredAgrees(run, fresh)

        // The manifest names the mapping version per file; a third night reads nothing again.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: run.output + "/manifest.json"))) as! [String: Any]
        let inputs = manifest["inputs"] as! [[String: Any]]
        XCTAssertTrue(inputs.allSatisfy { ($0["mapping_sha256"] as? String)?.count == 64 }, "\(inputs)")
        let third = try run.run()
        XCTAssertTrue(third.files.allSatisfy { $0.status == .skipped })

        // What the faulty and the fixed nights wrote (quarantine, logs, store) holds no personal value.
        let scanner = LeakScanner(values: try DemoOracle().personalValues,
                                  publicTokens: DemoRun.files(under: run.input).map { ($0 as NSString).lastPathComponent })
        XCTAssertEqual(try scanner.scan(DemoRun.files(under: run.output) + DemoRun.files(under: run.state)), [])
    }

    func testAMappingChangeWithAnExportNoLongerInTheInputStopsTheRun() throws {
        let input = RepoPaths.temporaryDirectory("saksgang-input")
        defer { try? FileManager.default.removeItem(at: input) }
        for name in ["smx_1103_20250620.xml", "smx_4601_20250620.xml.gz"] {
            try FileManager.default.copyItem(at: RepoPaths.fixtures.appendingPathComponent("demo/" + name), to: input.appendingPathComponent(name))
        }
        let run = try MappingRun(smx: Self.smx, input: input.path)
        defer { run.remove() }
        try run.run()
        try FileManager.default.removeItem(at: input.appendingPathComponent("smx_1103_20250620.xml"))
        try run.write(smx: edit(Self.smx, #"gender: "Elev/@kjonn""#, #"gender:   "Elev/@kjonn"  # a comment"#))
        // A comment does not change the mapping: nothing is read again.
        try run.run()
        try run.write(smx: edit(Self.smx, #"school_name: "../@navn""#, ""))
        XCTAssertThrowsError(try run.run()) { error in
            let e = error as! SaksgangError
            XCTAssertEqual(e.code, .configuration)
            XCTAssertTrue(e.message.contains("smx_1103_20250620.xml"), e.message)
        }
        let store = try SQLiteStore(path: run.state + "/store.sqlite")
        XCTAssertEqual(try store.ingestedFiles().filter { $0.format == "smx" }.count, 2, "nothing was dropped")
    }

    /// The night after a fix is a correction of the last publication, controlled together
    /// with it (docs/disclosure.md, "Across nights"), so it may withhold more than a first
    /// run over the same files: every figure both publish agrees, and most are published.
    private func assertRecoveredAgrees(_ run: MappingRun, _ fresh: MappingRun, file: StaticString = #filePath, line: UInt = #line) throws {
        let recovered = try run.rows(), clean = try fresh.rows()
        var both = 0
        for (key, row) in recovered {
            guard let other = clean[key] else { continue }
            XCTAssertEqual(row, other, key, file: file, line: line)
            both += 1
        }
        XCTAssertGreaterThan(Double(both), 0.8 * Double(clean.count), "most figures of a clean run are published after the fix", file: file, line: line)
        XCTAssertNotNil(recovered["cases,count,cases,all,all,,,"], "the total is published", file: file, line: line)
    }
}
