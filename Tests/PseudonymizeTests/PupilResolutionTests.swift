import Pseudonymize
import SaksgangCore
import XCTest

final class PupilResolutionTests: XCTestCase {
    private let p = Pseudonymizer(key: try! PseudonymKey(hex: String(repeating: "71", count: 40)))
    private let school = "974760673"

    private func resolve(_ number: String?, _ local: String?) -> PupilIdentity {
        p.resolvePupil(nationalNumber: number.map(Sensitive.init), localId: local.map(Sensitive.init),
                       source: "smx", school: school)
    }

    func testValidNumberOfEachKindWins() {
        let cases: [(NumberForge.Offset, PupilIdentification)] = [
            (.none, .nationalNumber), (.d, .dNumber), (.h, .hNumber), (.synthetic, .syntheticNumber),
            (.syntheticD, .syntheticNumber),
        ]
        for (offset, identification) in cases {
            for residue in [0, 2] {  // original rule and the rule from 2032
                let n = NumberForge.first(day: 11, month: 9, year: 16, offset: offset, residue: residue)
                let r = resolve(n, "L-1")
                XCTAssertEqual(r.identifiedBy, identification, "\(offset) residue \(residue)")
                XCTAssertNil(r.problem)
                XCTAssertEqual(r.pseudonym, p.pupil(nationalNumber: n))
                XCTAssertNotEqual(r.pseudonym, p.pupil(localId: "L-1", source: "smx", school: school))
                // Separators do not make another person.
                let spaced = String(n.prefix(6)) + " " + String(n.suffix(5))
                XCTAssertEqual(resolve(spaced, nil).pseudonym, r.pseudonym)
            }
        }
    }

    func testInvalidNumberFallsBackToLocalIdAndReportsIt() {
        let good = NumberForge.first(day: 11, month: 9, year: 16, offset: .synthetic)
        let bad = NumberForge.withLastDigit(good, (Int(String(good.last!))! + 1) % 10)
        let r = resolve(bad, "L-1")
        XCTAssertEqual(r.identifiedBy, .localId)
        XCTAssertEqual(r.problem, .invalidIdentity)
        XCTAssertEqual(r.pseudonym, p.pupil(localId: "L-1", source: "smx", school: school))
        XCTAssertNotEqual(r.pseudonym, p.pupil(nationalNumber: bad))
    }

    func testInvalidNumberAloneGivesNoPseudonym() {
        for bad in ["12345", "abcdefghijk", NumberForge.first(day: 31, month: 4, year: 16, offset: .synthetic)] {
            for local: String? in [nil, "", "  "] {
                let r = resolve(bad, local)
                XCTAssertNil(r.pseudonym)
                XCTAssertEqual(r.identifiedBy, PupilIdentification.none)
                XCTAssertEqual(r.problem, .invalidIdentity)
            }
        }
    }

    func testLocalIdAloneAndNothingAtAll() {
        for number: String? in [nil, "", " - "] {
            let r = resolve(number, "L-2")
            XCTAssertEqual(r.identifiedBy, .localId)
            XCTAssertNil(r.problem)
            XCTAssertEqual(r.pseudonym, p.pupil(localId: "L-2", source: "smx", school: school))

            let nothing = resolve(number, nil)
            XCTAssertNil(nothing.pseudonym)
            XCTAssertEqual(nothing.identifiedBy, PupilIdentification.none)
            XCTAssertNil(nothing.problem)
        }
    }

    func testLocalIdIsScopedBySourceAndSchool() {
        let a = p.resolvePupil(nationalNumber: nil, localId: Sensitive("L-3"), source: "smx", school: school)
        let b = p.resolvePupil(nationalNumber: nil, localId: Sensitive("L-3"), source: "smc", school: school)
        let c = p.resolvePupil(nationalNumber: nil, localId: Sensitive("L-3"), source: "smx", school: "874760672")
        XCTAssertNotEqual(a.pseudonym, b.pseudonym)
        XCTAssertNotEqual(a.pseudonym, c.pseudonym)
        XCTAssertNotNil(a.pseudonym)
    }
}
