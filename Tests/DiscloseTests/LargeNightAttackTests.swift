import Disclose
import Foundation
import Measure
import TestSupport
import XCTest

/// A generated night of 41 schools (`saksgang generate --cases 10000 --seed 20251122`, the
/// exports of municipalities 0301, 5501 and 5610; Fixtures/disclosure/README.md): what the
/// default control publishes (`night41-before/`, rounds in the relaxed program) and what the
/// whole-program control publishes (`night41/`), each with a sampled attack by scipy's HiGHS
/// over every relation a reader knows. In the first, one withheld cell of the sample is pinned
/// to [0, 3], and Saksgang's own audit over every relation finds the same; in the second, that
/// cell and a sample are protected.
final class LargeNightAttackTests: XCTestCase {
    private struct Tables: Decodable {
        var threshold: Int
        var rows: [Figure]
    }

    private struct Register: Decodable {
        var municipalityOfSchool: [String: String]
        enum CodingKeys: String, CodingKey { case municipalityOfSchool = "municipality_of_school" }
    }

    /// The withheld cell the sampled attack pinned before.
    private let leaked = CountCell(quantity: "ethnicity_based|no", grouping: "school x immigrant_background", group: "950298294 x unknown")

    private func fixture(_ name: String) -> URL { RepoPaths.fixtures.appendingPathComponent("disclosure/" + name) }

    private func attack(_ name: String) throws -> ScipyAttack { try ScipyAttack.fixture(name) }

    /// A gzip-compressed fixture file, decompressed by gzip(1).
    private func gunzipped(_ url: URL) throws -> Data {
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-dc", url.path]
        let pipe = Pipe()
        gzip.standardOutput = pipe
        try gzip.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        XCTAssertEqual(gzip.terminationStatus, 0, url.lastPathComponent)
        return data
    }

    private func publishedTables(_ folder: String) throws -> (tables: LinkedTables, threshold: Int) {
        let tables = try JSONDecoder().decode(Tables.self, from: gunzipped(fixture(folder + "/tables.json.gz")))
        let register = try JSONDecoder().decode(Register.self, from: gunzipped(fixture(folder + "/audit.json.gz")))
        return (LinkedTables(figures: tables.rows, municipalityOfSchool: register.municipalityOfSchool, source: .published), tables.threshold)
    }

    func testTheSampledAttackBeforeFoundTheCellPinnedToZeroToThree() throws {
        let a = try attack("attack_night41_before.json")
        let pinned = a.intervals.filter { !$0.protected }
        XCTAssertEqual(pinned.map(\.countCell), [leaked])
        XCTAssertEqual(pinned.first?.low, 0)
        XCTAssertEqual(pinned.first?.high, 3)
    }

    func testTheSampledAttackNowFindsNoWithheldCellPinnedCloserThanK() throws {
        let a = try attack("attack_night41.json")
        XCTAssertGreaterThanOrEqual(a.sample?.cells ?? 0, 100)
        XCTAssertTrue(a.intervals.contains { $0.countCell == leaked },
                      "the cell found before is attacked again")
        for c in a.intervals {
            XCTAssertTrue(c.protected, "\(c.quantity) \(c.grouping)=\(c.group) [\(c.low), \(String(describing: c.high))]")
        }
    }

    /// Saksgang's audit of the publication from before, over every relation, pins the cell
    /// where scipy did; the relaxed program (the relations between withheld cells of
    /// different quantities left out, as the audit did then) does not.
    func testTheWholeProgramFindsWhatTheRelaxedOneMissed() throws {
        let (tables, k) = try publishedTables("night41-before")
        let cell = try XCTUnwrap(tables.index(of: leaked))
        XCTAssertNil(tables.values[cell], "withheld")
        let audit = IntervalAudit(threshold: k)
        let whole = try XCTUnwrap(audit.intervals(tables, known: { tables.values[$0] }, audited: [cell]).first)
        XCTAssertEqual(whole.low, 0)
        XCTAssertEqual(whole.high, 3)
        XCTAssertFalse(whole.protected(threshold: k))
        let relaxed = try XCTUnwrap(audit.intervals(tables, known: { tables.values[$0] }, audited: [cell], coupled: false).first)
        XCTAssertTrue(relaxed.protected(threshold: k), "the relaxed program lets the cell through: [\(relaxed.low), \(String(describing: relaxed.high))]")
    }

    /// And of the publication after: the cell spans k in the whole program.
    func testTheCellIsProtectedInWhatIsPublishedNow() throws {
        let (tables, k) = try publishedTables("night41")
        let cell = try XCTUnwrap(tables.index(of: leaked))
        XCTAssertNil(tables.values[cell], "withheld")
        let whole = try XCTUnwrap(IntervalAudit(threshold: k).intervals(tables, known: { tables.values[$0] }, audited: [cell]).first)
        XCTAssertTrue(whole.protected(threshold: k), "[\(whole.low), \(String(describing: whole.high))]")
    }
}
