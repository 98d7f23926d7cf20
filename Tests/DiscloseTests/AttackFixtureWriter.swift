import Disclose
import Foundation
import Measure
import TestSupport
import XCTest

/// Writes Fixtures/disclosure/report (tables.json, audit.json) when
/// SAKSGANG_WRITE_DISCLOSURE_FIXTURE is set: 700 synthetic cases in 3 municipalities and 24
/// schools of very different sizes (many small cells), counted by background, school,
/// municipality and school × background, with the share resolved, through the control.
/// Then run Fixtures/disclosure/attack_lp.py (see Fixtures/disclosure/README.md).
final class AttackFixtureWriter: XCTestCase {
    func testWriteFixture() throws {
        guard ProcessInfo.processInfo.environment["SAKSGANG_WRITE_DISCLOSURE_FIXTURE"] != nil else {
            throw XCTSkip("set SAKSGANG_WRITE_DISCLOSURE_FIXTURE to write the fixture")
        }
        let first = Self.night(addingOne: false)
        let night1 = try DisclosureControl(threshold: 5).protect(first.figures, municipalityOfSchool: first.register)
        try Self.write(night1, to: "disclosure/report")
        // The next night: one case more (at a small school, a pupil born in Norway to
        // immigrant parents), controlled together with the first night's publication.
        let second = Self.night(addingOne: true)
        let record = PreviousPublication(asOf: "2025-06-19", threshold: 5, figures: night1.figures, truth: night1.truth,
                                         audit: night1.audit)
        let night2 = try DisclosureControl(threshold: 5).protect(second.figures, municipalityOfSchool: second.register,
                                                                  previous: record)
        try Self.write(night2, to: "disclosure/report-night2")
    }

    /// 700 synthetic cases (and, with `addingOne`, one more at the end).
    static func night(addingOne: Bool) -> (figures: [Figure], register: [String: String]) {
        var random = SplitMix64(seed: 20251128)
        let backgrounds = ["none", "immigrant", "norwegian_born_to_immigrants", "one_foreign_born_parent", "unknown"]
        let weights = [70, 12, 8, 7, 3]
        var schools: [(orgnr: String, municipality: String, size: Int)] = []
        for s in 0..<24 {
            let m = ["0301", "4601", "5001"][s % 3]
            schools.append((String(974_100_000 + s * 17), m, [2, 4, 7, 12, 20, 35, 60, 3][s % 8]))
        }
        var cases: [String: [String: Int]] = [:]   // grouping → group → count
        var resolved: [String: [String: (yes: Int, n: Int)]] = [:]
        func add(_ g: String, _ group: String, _ yes: Bool) {
            cases[g, default: [:]][group, default: 0] += 1
            var r = resolved[g, default: [:]][group] ?? (0, 0)
            r.n += 1
            if yes { r.yes += 1 }
            resolved[g, default: [:]][group] = r
        }
        for school in schools {
            for _ in 0..<school.size {
                var x = Int(random.next() % 100)
                var b = 0
                while x >= weights[b] { x -= weights[b]; b += 1 }
                let yes = random.next() % 10 < 7
                add("all", "all", yes)
                add("immigrant_background", backgrounds[b], yes)
                add("school", school.orgnr, yes)
                add("municipality", school.municipality, yes)
                add("school x immigrant_background", school.orgnr + " x " + backgrounds[b], yes)
            }
        }
        if addingOne {
            // After the first night's cases, so those stay the same; the case is still open.
            let school = schools[0]
            let b = "norwegian_born_to_immigrants"
            for (g, group) in [("all", "all"), ("immigrant_background", b), ("school", school.orgnr),
                               ("municipality", school.municipality), ("school x immigrant_background", school.orgnr + " x " + b)] {
                cases[g, default: [:]][group, default: 0] += 1
            }
        }
        var figures: [Figure] = []
        for g in ["all", "immigrant_background", "school", "municipality", "school x immigrant_background"] {
            var groups = Array(cases[g]!.keys)
            if g == "immigrant_background" { groups = backgrounds }
            if g == "school x immigrant_background" { groups = schools.flatMap { s in backgrounds.map { s.orgnr + " x " + $0 } } }
            for group in groups.sorted() {
                let n = cases[g]![group] ?? 0
                figures.append(Figure(metric: .cases, statistic: .count, unit: .cases, grouping: g, group: group, n: n, estimate: Double(n)))
                let r = resolved[g]![group] ?? (0, 0)
                figures.append(Figure(metric: .resolved, statistic: .share, unit: .proportion, grouping: g, group: group, n: r.n,
                                      estimate: r.n == 0 ? nil : Double(r.yes) / Double(r.n), numerator: r.yes))
            }
        }
        let register = Dictionary(uniqueKeysWithValues: schools.map { ($0.orgnr, $0.municipality) })
        return (figures, register)
    }

    static func write(_ result: DisclosureControl.Result, to path: String) throws {
        let folder = RepoPaths.fixtures.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let rows = try result.figures.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let text = "{\n  \"schema\": \"saksgang.tables/1\",\n  \"threshold\": 5,\n  \"rows\": [\n    " + rows.joined(separator: ",\n    ") + "\n  ]\n}\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("tables.json"))
        try result.audit.encoded().write(to: folder.appendingPathComponent("audit.json"))
    }
}
