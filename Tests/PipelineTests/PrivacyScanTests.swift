import Foundation
import Pipeline
import SaksgangCore
import TestSupport
import XCTest

/// Privacy is a test: run the demo with debug logging, then search every byte the run wrote
/// (reports, manifest, quarantine, the SQLite store with its journal, the logs) for every
/// personal value of the inputs, also in the forms a leak takes.
final class PrivacyScanTests: XCTestCase {
    func testNoPersonalValueInAnythingTheRunWrote() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run(logLevel: .trace)
        try run.run(logLevel: .trace) // the second run writes logs and reports too

        let needles = try Self.needles(from: DemoOracle().personalValues)
        XCTAssertGreaterThan(needles.count, 300)
        let written = DemoRun.files(under: run.output) + DemoRun.files(under: run.state)
        XCTAssertTrue(written.contains { $0.hasSuffix("store.sqlite") })
        XCTAssertTrue(written.contains { $0.hasSuffix("saksgang.log") })
        XCTAssertEqual(try Self.scan(written, needles), [], "personal values leaked")
    }

    /// The scan itself can fail: a value planted in a written file, in a leak's form, is found.
    func testTheScanFindsAPlantedValue() throws {
        let dir = RepoPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let oracle = try DemoOracle()
        let name = try XCTUnwrap(oracle.personalValues.first { $0.contains(" ") && $0.count < 30 && $0.unicodeScalars.contains { $0.value > 127 } })
        let escaped = String(data: try JSONEncoder().encode(name.lowercased()), encoding: .utf8)!
        let path = dir.appendingPathComponent("report.json").path
        try Data("{\"x\": \(escaped)}".utf8).write(to: URL(fileURLWithPath: path))
        let latin1 = dir.appendingPathComponent("log.txt").path
        try XCTUnwrap(("note " + name).data(using: .isoLatin1)).write(to: URL(fileURLWithPath: latin1))
        let hits = try Self.scan([path, latin1], try Self.needles(from: oracle.personalValues))
        XCTAssertTrue(hits.contains { $0.hasPrefix("report.json") }, "\(hits)")
        XCTAssertTrue(hits.contains { $0.hasPrefix("log.txt") }, "\(hits)")
    }

    static func scan(_ paths: [String], _ needles: [Needle]) throws -> [String] {
        var hits: [String] = []
        for path in paths {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            for needle in needles where bytes.range(of: needle.bytes) != nil {
                hits.append("\((path as NSString).lastPathComponent): a \(needle.kind) value (\(needle.form))")
            }
        }
        return hits
    }

    struct Needle {
        var bytes: Data
        var kind: String
        var form: String
    }

    /// Every form a value can leak in: as is, lower case, without separators, JSON-escaped,
    /// and in the legacy encodings. Single name parts shorter than six letters are left out
    /// (they occur inside ordinary words); whole names are searched.
    static func needles(from values: [String]) throws -> [Needle] {
        var out: [Needle] = []
        var seen = Set<Data>()
        func add(_ s: String, _ kind: String, _ form: String, encoding: String.Encoding = .utf8) {
            guard let d = s.data(using: encoding), d.count >= 4, seen.insert(d).inserted else { return }
            out.append(Needle(bytes: d, kind: kind, form: form))
        }
        for v in values {
            let isName = v.unicodeScalars.allSatisfy { CharacterSet.letters.contains($0) || $0 == " " }
            if isName && !v.contains(" ") && v.count < 6 { continue }
            let kind = v.allSatisfy(\.isNumber) ? "number" : (isName ? "name" : "text")
            let forms = [v, v.lowercased(), v.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "/", with: "").replacingOccurrences(of: " ", with: "")]
            for f in forms where f.count >= 4 {
                add(f, kind, "utf-8")
                add(f, kind, "latin-1", encoding: .isoLatin1)
                add(f, kind, "windows-1252", encoding: .windowsCP1252)
                if let json = try? JSONEncoder().encode(f), let s = String(data: json, encoding: .utf8) {
                    add(String(s.dropFirst().dropLast()), kind, "json")
                }
                let ascii = try JSONSerialization.data(withJSONObject: [f])
                if let s = String(data: ascii, encoding: .utf8) { add(String(s.dropFirst(2).dropLast(2)), kind, "json") }
            }
            // Free text: its fragments too (a leak may cut it).
            if v.count > 30 {
                for part in v.split(separator: " ").map(String.init) where part.count >= 8 { add(part, "text", "fragment") }
            }
            // A case number without its year: 2025/0123 → 0123 is too short to search alone.
        }
        return out
    }
}
