import Foundation
import Generate
import SaksgangCore
import XCTest

/// A 2000-case run holds everything issue 3 lists: every event kind, closed and open,
/// reopened, County Governor with and without breach, staff perpetrators, serious cases,
/// repeat victims, D-numbers and local ids, Sami and minority pupils, interpreters, faults.
final class CoverageTests: XCTestCase {
    let run = GeneratedRun.standard

    func testAllKindsOfCaseAppear() throws {
        let cases = try run.truthCases()
        XCTAssertEqual(cases.count, 2000)
        var kinds = Set<String>(), reasons = Set<String>(), minorities = Set<String>(), faults = Set<String>()
        var categories = Set<String>(), reporters = Set<String>(), municipalities = Set<String>(), schools = Set<String>()
        var flags: [String: Int] = [:]
        func flag(_ k: String, _ yes: Bool) { if yes { flags[k, default: 0] += 1 } }
        for c in cases {
            let p = c["pupil"] as! [String: Any]
            kinds.formUnion((c["events"] as! [[String: Any]]).map { $0["kind"] as! String })
            if let closing = c["closing"] as? [String: Any] { reasons.insert(closing["reason"] as! String) }
            if let m = p["national_minority"] as? String { minorities.insert(m) }
            categories.insert(p["immigrant_category"] as? String ?? "")
            reporters.insert(c["reported_by"] as? String ?? "")
            faults.formUnion(c["faults"] as! [String])
            municipalities.insert(c["municipality"] as! String)
            schools.insert(c["school_orgnr"] as! String)
            flag("open", c["closing"] is NSNull)
            flag("reopened", c["reopened"] as! Bool)
            flag("breach", c["county_governor_decision"] as? String == "brudd")
            flag("no_breach", c["county_governor_decision"] as? String == "ikke_brudd")
            flag("staff", c["perpetrator"] as? String == "ansatt")
            flag("serious", c["serious"] as! Bool)
            flag("repeat", !(c["repeat_of"] is NSNull))
            flag("d_number", p["d_number"] is String)
            flag("local_id", p["local_id"] is String)
            flag("sami", p["sami"] as! Bool)
            flag("minority_language", p["minority_language"] as! Bool)
            flag("interpreter", c["guardian_needs_interpreter"] as? Bool == true)
            flag("ethnicity", c["ethnicity_based"] as! Bool)
        }
        XCTAssertEqual(kinds, Set(EventKind.allCases.map(\.rawValue)))
        XCTAssertEqual(reasons, Set(ClosingReason.allCases.map(\.rawValue)))
        XCTAssertEqual(categories, ["A", "B", "C", "E", "F", "G", ""])
        XCTAssertEqual(reporters, Set(Reporter.allCases.map(\.rawValue) + [""]))
        XCTAssertGreaterThanOrEqual(minorities.count, 3)
        XCTAssertEqual(faults, ["missing_knowledge", "event_before_knowledge"])
        XCTAssertGreaterThanOrEqual(municipalities.count, 6)
        XCTAssertGreaterThan(schools.count, 50)
        for key in ["open", "reopened", "breach", "no_breach", "staff", "serious", "repeat", "d_number", "local_id",
                    "sami", "minority_language", "interpreter", "ethnicity"] {
            XCTAssertGreaterThan(flags[key] ?? 0, 2, key)
        }
        // Repeat victims: at least one at another school than the earlier case.
        XCTAssertTrue(cases.contains { c in
            (c["repeat_of"] as? [String: Any])?["school_orgnr"] as? String != nil
                && (c["repeat_of"] as! [String: Any])["school_orgnr"] as! String != c["school_orgnr"] as! String
        })
    }

    func testSummaryCountsMatchTheCases() throws {
        let truth = try run.truth()
        let cases = truth["cases"] as! [[String: Any]]
        var byGroup: [String: Int] = [:]
        for c in cases { byGroup[(c["pupil"] as! [String: Any])["immigrant_group"] as! String, default: 0] += 1 }
        let summary = truth["summary"] as! [String: Any]
        let reported = summary["by_immigrant_group"] as! [String: Int]
        XCTAssertEqual(reported.filter { $0.value > 0 }, byGroup)
        XCTAssertEqual(summary["unencodable_characters"] as? Int, 0)
    }
}
