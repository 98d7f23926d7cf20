import Dispatch
import Foundation
@testable import Pseudonymize
import SaksgangCore
import XCTest

final class PseudonymizerTests: XCTestCase {
    private let keyA = try! PseudonymKey(hex: String(repeating: "5a", count: 32))
    private let keyB = try! PseudonymKey(hex: String(repeating: "5b", count: 32))
    private let school = "974760673"
    private var synthetic: String { NumberForge.first(day: 8, month: 6, year: 14, offset: .synthetic) }

    func testFormatIs26LowerCaseBase32Characters() {
        let p = Pseudonymizer(key: keyA)
        let values = [p.pupil(nationalNumber: synthetic), p.guardian(nationalNumber: synthetic),
                      p.pupil(localId: "L1", source: "smx", school: school), p.caseID(caseNumber: "1", school: school)]
        for v in values {
            XCTAssertEqual(v.value.count, 26)
            XCTAssertTrue(v.value.allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) }, v.value)
        }
        // 128 bits: the last character carries 3 bits and 2 zero pad bits.
        XCTAssertTrue(values.allSatisfy { "aeimquy4".contains($0.value.last!) })
    }

    func testStableAcrossInstancesAndLoads() throws {
        let first = Pseudonymizer(key: keyA)
        let second = Pseudonymizer(key: try PseudonymKey(hex: String(repeating: "5A", count: 32) + "\n"))
        XCTAssertEqual(first.pupil(nationalNumber: synthetic), second.pupil(nationalNumber: synthetic))
        XCTAssertEqual(first.guardian(nationalNumber: synthetic), second.guardian(nationalNumber: synthetic))
        XCTAssertEqual(first.caseID(caseNumber: "2024/5", school: school), second.caseID(caseNumber: "2024/5", school: school))
        XCTAssertEqual(first.pupil(localId: "L-9", source: "smc", school: school),
                       second.pupil(localId: "L-9", source: "smc", school: school))
        // Asked again, the same.
        XCTAssertEqual(first.pupil(nationalNumber: synthetic), second.pupil(nationalNumber: synthetic))
    }

    func testDifferentKeysGiveUnrelatedPseudonyms() {
        let a = Pseudonymizer(key: keyA), b = Pseudonymizer(key: keyB)
        XCTAssertNotEqual(a.pupil(nationalNumber: synthetic), b.pupil(nationalNumber: synthetic))
        XCTAssertNotEqual(a.guardian(nationalNumber: synthetic), b.guardian(nationalNumber: synthetic))
        XCTAssertNotEqual(a.caseID(caseNumber: "7", school: school), b.caseID(caseNumber: "7", school: school))
        XCTAssertNotEqual(a.pupil(localId: "7", source: "smx", school: school), b.pupil(localId: "7", source: "smx", school: school))
    }

    func testKindsAndScopesAreSeparated() {
        let p = Pseudonymizer(key: keyA)
        let same = synthetic
        let all: [Pseudonym] = [
            p.pupil(nationalNumber: same),
            p.guardian(nationalNumber: same),
            p.caseID(caseNumber: same, school: school),
            p.pupil(localId: same, source: "smx", school: school),
            p.pupil(localId: same, source: "smc", school: school),
            p.pupil(localId: same, source: "smx", school: "874760672"),
            p.caseID(caseNumber: same, school: "874760672"),
        ]
        XCTAssertEqual(Set(all).count, all.count, "two kinds or scopes share a pseudonym")
        // Framing: moving characters between scope parts and value changes the pseudonym.
        let framed: [Pseudonym] = [
            p.pupil(localId: "c", source: "a", school: "b"),
            p.pupil(localId: "", source: "a", school: "bc"),
            p.pupil(localId: "bc", source: "a", school: ""),
            p.pupil(localId: "c", source: "ab", school: ""),
            p.pupil(localId: "c", source: "a\u{0}b", school: ""),
            p.pupil(localId: "c", source: "a", school: "\u{0}b"),
            p.pupil(localId: "c", source: "a\\", school: "0b"),
            p.pupil(localId: "\u{0}c", source: "a", school: "b"),
        ]
        XCTAssertEqual(Set(framed).count, framed.count, "ambiguous framing")
    }

    func testNormalisationBeforeHashing() {
        let p = Pseudonymizer(key: keyA)
        let n = synthetic
        let spaced = String(n.prefix(6)) + " " + String(n.suffix(5))
        let dashed = String(n.prefix(6)) + "-" + String(n.suffix(5))
        XCTAssertEqual(p.pupil(nationalNumber: spaced), p.pupil(nationalNumber: n))
        XCTAssertEqual(p.guardian(nationalNumber: dashed), p.guardian(nationalNumber: n))
        XCTAssertEqual(p.pupil(nationalNumber: Sensitive(spaced)), p.pupil(nationalNumber: n))
        XCTAssertEqual(p.guardian(nationalNumber: Sensitive(n)), p.guardian(nationalNumber: n))
        XCTAssertEqual(p.pupil(localId: " L-1\t", source: "smx", school: school),
                       p.pupil(localId: "L-1", source: "smx", school: school))
        XCTAssertEqual(p.pupil(localId: Sensitive("L-1"), source: "smx", school: school),
                       p.pupil(localId: "L-1", source: "smx", school: school))
        XCTAssertEqual(p.caseID(caseNumber: Sensitive("2024/9 "), school: school),
                       p.caseID(caseNumber: "2024/9", school: school))
        // Case and inner spacing are significant in local ids and case numbers.
        XCTAssertNotEqual(p.pupil(localId: "l-1", source: "smx", school: school),
                          p.pupil(localId: "L-1", source: "smx", school: school))
        XCTAssertNotEqual(p.caseID(caseNumber: "2024 /9", school: school), p.caseID(caseNumber: "2024/9", school: school))
    }

    /// Scoped pseudonyms lay ASCII messages out on the stack; the general path builds the
    /// message as a `String` (`scoped`). Both give the same pseudonym for every kind of value:
    /// ASCII, surrounding whitespace, non-ASCII (NFC), escaped scope parts, empty parts.
    func testStackLaidPseudonymsEqualTheGeneralOnes() {
        let p = Pseudonymizer(key: keyA)
        let values = ["2024/5", " 2024/5 ", "\t7\n", "", " ", "Å-1", "A\u{30A}-1", "x\\y", "a\u{0}b", "\u{A0}9\u{A0}",
                      "ÿ", "L-3 ", "\u{2003}L-3", String(repeating: "9", count: 300)]
        let scopes = ["974760673", "", "sk\\ole", "sk\u{0}ole", "skøle", "smc"]
        for value in values {
            let trimmed = Pseudonymizer.trimmed(value)
            for school in scopes {
                XCTAssertEqual(p.caseID(caseNumber: value, school: school),
                               p.compute(.caseNumber, Pseudonymizer.scoped([school], trimmed)),
                               "case number \(value.debugDescription) in \(school.debugDescription)")
                for source in scopes {
                    XCTAssertEqual(p.pupil(localId: value, source: source, school: school),
                                   p.compute(.pupilLocal, Pseudonymizer.scoped([source, school], trimmed)),
                                   "local id \(value.debugDescription) in \(source.debugDescription), \(school.debugDescription)")
                }
            }
        }
    }

    func testConcurrentUseGivesTheSameAnswers() {
        let p = Pseudonymizer(key: keyA)
        let reference = Pseudonymizer(key: keyA)
        let school = self.school
        let ids = (0..<200).map { "L\($0)" }
        let expected = ids.map { reference.pupil(localId: $0, source: "smx", school: school) }
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for round in 0..<5 {
                for (i, id) in ids.enumerated() where (i + worker + round) % 3 != 0 {
                    if p.pupil(localId: id, source: "smx", school: school) != expected[i] { mismatches.add() }
                }
            }
        }
        XCTAssertEqual(mismatches.count, 0)
    }

    func testDescriptionsNeverShowIdentities() {
        let p = Pseudonymizer(key: keyA)
        let n = synthetic
        _ = p.pupil(nationalNumber: n)
        _ = p.pupil(localId: "LOCAL-SECRET", source: "smx", school: school)
        var dumped = ""
        dump(p, to: &dumped)
        for rendering in [dumped, p.description, String(reflecting: p), "\(p)"] {
            XCTAssertFalse(rendering.contains(n))
            XCTAssertFalse(rendering.contains("LOCAL-SECRET"))
            XCTAssertFalse(rendering.contains("5a5a"))
        }
        XCTAssertTrue(p.description.contains(keyA.id))
    }

    /// Prints the cost per pseudonym; asserts nothing about time (shared machine).
    func testMeasureCost() {
        let p = Pseudonymizer(key: keyA)
        let n = 50_000
        let ids = (0..<1000).map { "L\($0)" }
        var sink = 0
        let t0 = DispatchTime.now().uptimeNanoseconds
        for i in 0..<n { sink &+= p.caseID(caseNumber: ids[i % 1000] + "x\(i & 1)", school: school).value.utf8.count }
        let t1 = DispatchTime.now().uptimeNanoseconds
        XCTAssertEqual(sink, n * 26)
        print(String(format: "pseudonym cost: %.2f µs", Double(t1 - t0) / Double(n) / 1000))
    }
}

/// A thread-safe counter for the concurrency test.
private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
