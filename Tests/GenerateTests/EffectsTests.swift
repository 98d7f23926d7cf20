import Foundation
@testable import Generate
import SaksgangCore
import TestSupport
import XCTest

final class EffectsTests: XCTestCase {
    func testBuiltInEffectsEqualTheFixtureFiles() throws {
        let dir = RepoPaths.fixtures.appendingPathComponent("effects")
        XCTAssertEqual(try Effects.load(from: dir.appendingPathComponent("default.json")), Effects.default)
        XCTAssertEqual(try Effects.load(from: dir.appendingPathComponent("null.json")), Effects.null)
    }

    func testRejectsBadEffects() {
        let bad = [
            #"{"reference": {"first_contact_working_days": 1}, "groups": {}}"#,
            #"{"reference": {"first_contact_working_days": 1, "activity_plan_working_days": 5, "closure_days": 60, "closed_by_changing_school": 0.1, "ethnicity_based": 0.1, "reported_by": {"elev": 1}}, "groups": {"martians": {}}}"#,
            #"{"reference": {"first_contact_working_days": 1, "activity_plan_working_days": 5, "closure_days": 60, "closed_by_changing_school": 1.5, "ethnicity_based": 0.1, "reported_by": {"elev": 1}}, "groups": {}}"#,
            #"{"reference": {"first_contact_working_days": 1, "activity_plan_working_days": 5, "closure_days": 60, "closed_by_changing_school": 0.1, "ethnicity_based": 0.1, "reported_by": {"pupil": 1}}, "groups": {}}"#,
        ]
        for json in bad { XCTAssertThrowsError(try Effects.decode(Data(json.utf8))) }
    }

    /// Realised means by effect profile, from truth's canonical values (not from the planted
    /// draws): working days from knowledge to the first contact with the home, share of
    /// ethnicity-based cases, share of closed cases closed by changing school.
    static func measures(_ cases: [[String: Any]]) -> [String: (contact: Double, ethnic: Double, changed: Double)] {
        let calendar = WorkingDayCalendar()
        var sums: [String: (n: Int, contact: Double, nContact: Int, ethnic: Int, closed: Int, changed: Int)] = [:]
        for c in cases where (c["faults"] as! [String]).isEmpty {
            let key = c["effect_profile"] as! String
            var s = sums[key] ?? (0, 0, 0, 0, 0, 0)
            s.n += 1
            let knowledge = day(c["knowledge"] as! String)
            if let first = (c["events"] as! [[String: Any]]).first(where: { $0["kind"] as! String == "kontakt_hjem" }) {
                s.contact += Double(calendar.workingDays(from: knowledge, to: day(first["time"] as! String)))
                s.nContact += 1
            }
            if c["ethnicity_based"] as! Bool { s.ethnic += 1 }
            if let closing = c["closing"] as? [String: Any] {
                s.closed += 1
                if closing["reason"] as? String == "byttet_skole" { s.changed += 1 }
            }
            sums[key] = s
        }
        return sums.mapValues { ($0.contact / Double(max($0.nContact, 1)), Double($0.ethnic) / Double($0.n),
                                 Double($0.changed) / Double(max($0.closed, 1))) }
    }

    /// The Oslo day of a truth timestamp (`…Z`).
    static func day(_ iso: String) -> LocalDate {
        let p = iso.prefix(19).split(whereSeparator: { "-T:".contains($0) }).map { Int($0)! }
        let date = LocalDate(year: p[0], month: p[1], day: p[2])!
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(p[3] * 3600 + p[4] * 60 + p[5])
        return OsloTime.localDate(utcSeconds: seconds)
    }

    func testDefaultEffectsShowTheirPlantedDifference() throws {
        let m = Self.measures(try GeneratedRun.standard.truthCases())
        let none = try XCTUnwrap(m["none"]), immigrant = try XCTUnwrap(m["immigrant"])
        XCTAssertGreaterThan(immigrant.contact - none.contact, 0.6, "immigrant homes contacted later")
        XCTAssertGreaterThan(immigrant.ethnic - none.ethnic, 0.15, "more ethnicity-based cases")
        XCTAssertGreaterThan(immigrant.changed, none.changed, "more closed by changing school")
        let sami = try XCTUnwrap(m["sami"])
        XCTAssertGreaterThan(sami.ethnic - none.ethnic, 0.08)
    }

    func testNullEffectsPlantNoDifference() throws {
        let m = Self.measures(try GeneratedRun.null.truthCases())
        let none = try XCTUnwrap(m["none"]), immigrant = try XCTUnwrap(m["immigrant"])
        XCTAssertLessThan(abs(immigrant.contact - none.contact), 0.35)
        XCTAssertLessThan(abs(immigrant.ethnic - none.ethnic), 0.05)
        let truth = try GeneratedRun.null.truth()
        let profiles = truth["planted_profiles"] as! [String: [String: Any]]
        let means = Set(profiles.values.map { $0["first_contact_working_days"] as! Double })
        XCTAssertEqual(means.count, 1, "every group planted with the reference values")
    }
}
