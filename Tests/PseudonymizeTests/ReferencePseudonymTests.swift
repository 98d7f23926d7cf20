import Foundation
import Pseudonymize
import TestSupport
import XCTest

/// Pseudonyms checked against an independent implementation: Python's hmac, hashlib and
/// base64 modules (Fixtures/pseudonymize/make_expected.py → expected.json).
final class ReferencePseudonymTests: XCTestCase {
    struct Expected: Decodable {
        struct Key: Decodable { let hex: String; let id: String }
        struct Case: Decodable {
            let key: Int
            let kind: String
            let value: String
            let source: String?
            let school: String?
            let pseudonym: String
        }
        let keys: [Key]
        let cases: [Case]
    }

    private func load() throws -> Expected {
        let url = RepoPaths.fixtures.appendingPathComponent("pseudonymize/expected.json")
        return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
    }

    func testPseudonymsMatchPython() throws {
        let expected = try load()
        XCTAssertGreaterThanOrEqual(expected.cases.count, 30)
        let pseudonymizers = try expected.keys.map { Pseudonymizer(key: try PseudonymKey(hex: $0.hex)) }
        var kinds = Set<String>()
        for (index, c) in expected.cases.enumerated() {
            let p = pseudonymizers[c.key]
            let got: String
            switch c.kind {
            case "pupil": got = p.pupil(nationalNumber: c.value).value
            case "guardian": got = p.guardian(nationalNumber: c.value).value
            case "pupil-local": got = p.pupil(localId: c.value, source: c.source!, school: c.school!).value
            case "case": got = p.caseID(caseNumber: c.value, school: c.school!).value
            default: XCTFail("unknown kind \(c.kind)"); continue
            }
            kinds.insert(c.kind)
            // The message names the case by index only: no identity in test output.
            XCTAssertEqual(got, c.pseudonym, "fixture case \(index) (\(c.kind), key \(c.key))")
        }
        XCTAssertEqual(kinds, ["pupil", "guardian", "pupil-local", "case"])
    }

    func testKeyIdsMatchPython() throws {
        for key in try load().keys {
            XCTAssertEqual(try PseudonymKey(hex: key.hex).id, key.id)
        }
    }

    func testDecomposedSpellingGetsTheComposedPseudonym() throws {
        let expected = try load()
        let composed = try XCTUnwrap(expected.cases.first { $0.key == 0 && $0.value == "\u{00C5}se-7" })
        let p = Pseudonymizer(key: try PseudonymKey(hex: expected.keys[0].hex))
        let decomposed = "A\u{030A}se-7"
        XCTAssertNotEqual(Array(decomposed.utf8), Array(composed.value.utf8))
        // A fresh instance, so the decomposed form is computed, not found in the memo.
        XCTAssertEqual(p.pupil(localId: decomposed, source: "smx", school: "974760673").value, composed.pseudonym)
        XCTAssertEqual(p.pupil(localId: composed.value, source: "smx", school: "974760673").value, composed.pseudonym)
    }
}
