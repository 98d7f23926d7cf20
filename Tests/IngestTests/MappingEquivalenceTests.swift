import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// The same cases exported by both systems map to equal canonical values, wherever both
/// formats carry the fact.
final class MappingEquivalenceTests: XCTestCase {
    func testSMXAndSMCOfTheSameCasesAgree() throws {
        let dir = RepoPaths.fixtures.appendingPathComponent("equivalence")
        let x = try MappingFixtures.read(dir.appendingPathComponent("smx_1804_20250620.xml").path, try MappingFixtures.smx)
        let c = try MappingFixtures.read(dir.appendingPathComponent("smc_1804_20250620.csv").path, try MappingFixtures.smc)
        XCTAssertEqual(x.errors.count, 0, "\(x.errors)")
        XCTAssertEqual(c.errors.count, 0, "\(c.errors)")
        XCTAssertEqual(x.cases.count, 12)
        XCTAssertEqual(c.cases.count, 12)
        let smc = Dictionary(uniqueKeysWithValues: c.cases.map { ($0.caseNumber.revealed, $0) })
        for a in x.cases {
            let b = try XCTUnwrap(smc[a.caseNumber.revealed])
            XCTAssertEqual(a.pupilNationalNumber, b.pupilNationalNumber)
            XCTAssertEqual(a.pupilLocalId, b.pupilLocalId)
            XCTAssertEqual(Comparable(a.body), Comparable(b.body))
            XCTAssertEqual(a.body.milestones, b.body.milestones)
        }
        XCTAssertTrue(x.cases.contains { $0.body.closing != nil })
        XCTAssertTrue(x.cases.contains { $0.body.milestones.firstHomeContact != nil })
    }

    /// The facts both formats carry.
    struct Comparable: Equatable {
        var school: School, lastChanged: Timestamp, serious: Bool?, pupil: Pupil, interpreter: Bool?
        var knowledge: Timestamp?, reportedBy: Reporter?, violations: [ViolationKind], perpetrator: PerpetratorKind?
        var perpetratorCount: Int?, services: [ExternalService], decision: CountyGovernorDecision?, closing: Closing?
        init(_ c: Case) {
            school = c.school; lastChanged = c.lastChanged; serious = c.serious; pupil = c.pupil
            interpreter = c.guardianNeedsInterpreter; knowledge = c.knowledge; reportedBy = c.reportedBy
            violations = c.violations; perpetrator = c.perpetrator; perpetratorCount = c.perpetratorCount
            services = c.externalServices; decision = c.countyGovernorDecision; closing = c.closing
        }
    }
}
