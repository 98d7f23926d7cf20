import Foundation
import Generate
import Pseudonymize
import XCTest

/// Every identity number in every export is a synthetic test number (month + 80) with valid
/// check digits, checked with Pseudonymize's classifier and with an independent mod-11 here.
final class IdentityNumberTests: XCTestCase {
    let run = GeneratedRun.standard

    func testEveryIdentityNumberIsSyntheticAndValid() throws {
        var numbers: [String] = []
        for name in run.files("smx_") {
            for sak in SMXDocument.parse(try Gunzip.contents(of: run.url(name)).bytes).cases {
                if let f = sak.elev["fnr"] { numbers.append(f) }
                numbers += sak.guardianNumbers
            }
        }
        for name in run.files("smc_") {
            let table = try SMCTable.parse(Gunzip.contents(of: run.url(name)).bytes)
            let column = table.column("elev_fnr")
            numbers += table.rows.map { $0[column] }.filter { !$0.isEmpty }
        }
        XCTAssertGreaterThan(numbers.count, 3000)
        var dNumbers = 0
        for n in numbers {
            let digits = n.compactMap { $0.wholeNumberValue }
            XCTAssertEqual(n.count, 11, "an identity number is not 11 digits")
            XCTAssertEqual(digits.count, 11)
            guard digits.count == 11 else { continue }
            XCTAssertTrue((81...92).contains(digits[2] * 10 + digits[3]), "month + 80")
            XCTAssertEqual(IdentityNumber.classify(n), .synthetic)
            XCTAssertTrue(Self.checkDigitsValid(digits), "check digits")
            if digits[0] >= 4 { dNumbers += 1 }
        }
        XCTAssertGreaterThan(dNumbers, 5, "newly arrived pupils with D-numbers (day + 40)")
    }

    /// The original rule, written out independently: K1 weights 3 7 6 1 8 9 4 5 2, K2 weights
    /// 5 4 3 2 7 6 5 4 3 2; remainder 0 gives 0.
    static func checkDigitsValid(_ d: [Int]) -> Bool {
        func check(_ weights: [Int]) -> Int {
            let r = zip(d, weights).map { $0 * $1 }.reduce(0, +) % 11
            return r == 0 ? 0 : 11 - r
        }
        return check([3, 7, 6, 1, 8, 9, 4, 5, 2]) == d[9] && check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) == d[10]
    }

    /// Identity numbers are unique per person: two pupils never share one.
    func testNumbersAreUniquePerPupil() throws {
        var owner: [String: Int] = [:]
        for c in try run.truthCases() {
            let p = c["pupil"] as! [String: Any]
            guard let n = (p["fnr"] as? String) ?? (p["d_number"] as? String) else { continue }
            let key = p["key"] as! Int
            if let other = owner[n] { XCTAssertEqual(other, key, "two pupils share a number") }
            owner[n] = key
        }
    }
}
