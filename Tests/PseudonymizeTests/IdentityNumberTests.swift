import Pseudonymize
import XCTest

final class IdentityNumberTests: XCTestCase {
    private let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    func testNormalizeStripsSeparatorsOnly() {
        XCTAssertEqual(IdentityNumber.normalize("148314 56869"), "14831456869")
        XCTAssertEqual(IdentityNumber.normalize(" 14.83.14-568\u{00A0}69 \n"), "14831456869")
        XCTAssertEqual(IdentityNumber.normalize("148314\u{2013}56869"), "14831456869")
        // Anything else stays, so that classification refuses it.
        XCTAssertEqual(IdentityNumber.normalize("1483145686x"), "1483145686x")
        XCTAssertNil(IdentityNumber.classify(IdentityNumber.normalize("148314/56869")))
        XCTAssertEqual(IdentityNumber.normalize(""), "")
    }

    func testKnownSyntheticNumbersFromTheSpec() {
        XCTAssertEqual(IdentityNumber.classify("14831456869"), .synthetic)
        XCTAssertEqual(IdentityNumber.checkDigitRule("14831456869"), .original)
        XCTAssertEqual(IdentityNumber.classify(IdentityNumber.normalize("148314 56869")), .synthetic)
        // One digit off anywhere breaks it.
        let digits = Array("14831456869")
        for i in digits.indices {
            for replacement in "0123456789" where replacement != digits[i] {
                var changed = digits
                changed[i] = replacement
                // Mod 11 with weights 1–9 catches every single-digit change in both check
                // sums, so no rule accepts it.
                XCTAssertNil(IdentityNumber.classify(String(changed)), "change at position \(i)")
            }
        }
    }

    func testEveryDayOfTheYearForEveryKind() {
        let kinds: [(NumberForge.Offset, IdentityNumberKind)] = [
            (.none, .fodselsnummer), (.d, .dNumber), (.h, .hNumber), (.synthetic, .synthetic),
            (.syntheticD, .synthetic),
        ]
        for (offset, kind) in kinds {
            for month in 1...12 {
                for day in 1...daysInMonth[month - 1] {
                    let n = NumberForge.first(day: day, month: month, year: 15, offset: offset)
                    XCTAssertEqual(IdentityNumber.classify(n), kind, "\(offset) \(day).\(month)")
                    XCTAssertEqual(IdentityNumber.checkDigitRule(n), .original)
                }
            }
        }
    }

    func testImpossibleDatesAreRefusedEvenWithCorrectCheckDigits() {
        let offsets: [NumberForge.Offset] = [.none, .d, .h, .synthetic, .syntheticD]
        let bad: [(Int, Int)] = [(0, 1), (32, 1), (30, 2), (31, 4), (31, 6), (31, 9), (31, 11),
                                 (1, 0), (1, 13), (15, 19), (15, 14)]
        for offset in offsets {
            for (day, month) in bad {
                let n = NumberForge.first(day: day, month: month, year: 15, offset: offset)
                XCTAssertNotNil(IdentityNumber.checkDigitRule(n))
                XCTAssertNil(IdentityNumber.classify(n), "\(offset) day \(day) month \(month)")
            }
        }
        // 29 February is always allowed: the century cannot be read from the number.
        XCTAssertEqual(IdentityNumber.classify(NumberForge.first(day: 29, month: 2, year: 13)), .fodselsnummer)
        // A D-number is never also an H-number.
        let dh = NumberForge.first(day: 45, month: 43, year: 15)
        XCTAssertNotNil(IdentityNumber.checkDigitRule(dh))
        XCTAssertNil(IdentityNumber.classify(dh))
        // Month offsets other than 0, 40, 80 are not numbers.
        for month in [61, 65, 72, 93, 99] {
            XCTAssertNil(IdentityNumber.classify(NumberForge.first(day: 10, month: month, year: 15)))
        }
    }

    func testRuleFrom2032AcceptsResiduesOneToThreeOnly() {
        var seen = [0: 0, 1: 0, 2: 0, 3: 0]
        var refused = 0
        for offset in [NumberForge.Offset.none, .d, .synthetic] {
            for day in stride(from: 1, through: 28, by: 3) {
                for individual in stride(from: 0, to: 1000, by: 37) {
                    for residue in 0...10 {
                        guard let n = NumberForge.number(day: day, month: 7, year: 33, individual: individual,
                                                         offset: offset, residue: residue) else { continue }
                        switch residue {
                        case 0:
                            XCTAssertEqual(IdentityNumber.checkDigitRule(n), .original)
                            XCTAssertNotNil(IdentityNumber.classify(n))
                        case 1...3:
                            XCTAssertEqual(IdentityNumber.checkDigitRule(n), .from2032)
                            XCTAssertNotNil(IdentityNumber.classify(n))
                        default:
                            XCTAssertNil(IdentityNumber.checkDigitRule(n))
                            XCTAssertNil(IdentityNumber.classify(n))
                            refused += 1
                        }
                        if residue <= 3 { seen[residue, default: 0] += 1 }
                    }
                }
            }
        }
        XCTAssertTrue(seen.values.allSatisfy { $0 > 50 }, "\(seen)")
        XCTAssertGreaterThan(refused, 500)
    }

    func testSecondCheckDigitIsAlwaysChecked() {
        for residue in 0...3 {
            let n = NumberForge.first(day: 12, month: 3, year: 34, offset: .synthetic, residue: residue)
            let k2 = Int(String(n.last!))!
            XCTAssertNotNil(IdentityNumber.classify(n))
            for other in 0...9 where other != k2 {
                XCTAssertNil(IdentityNumber.classify(NumberForge.withLastDigit(n, other)), "K2 \(other)")
            }
        }
    }

    /// Skatteetaten's worked examples for the rule from 2032, rebuilt from their parts.
    func testSkatteetatenExamplesFor2032() {
        func validK1(day: Int, month: Int, year: Int, individual: Int) -> [Int: Int] {
            let stem = NumberForge.stem(day: day, month: month, year: year, individual: individual, offset: .none)
            var out: [Int: Int] = [:]
            for k1 in 0...9 {
                for k2 in 0...9 {
                    let n = (stem + [k1, k2]).map(String.init).joined()
                    if IdentityNumber.classify(n) != nil { out[k1] = k2 }
                }
            }
            return out
        }
        // Born 2 January 2032, individual 999: K1 = 9 (K2 7) under the old rule, and the
        // next number 0 (K2 3); a remainder giving K1 = 10 is skipped.
        let first = validK1(day: 2, month: 1, year: 32, individual: 999)
        XCTAssertEqual(Set(first.keys), [9, 0, 1])
        XCTAssertEqual(first[9], 7)
        XCTAssertEqual(first[0], 3)
        // Born 30 October 1982, given a number in 2032: K1 2 (K2 0) and 3 (K2 9), four in all.
        let second = validK1(day: 30, month: 10, year: 82, individual: 999)
        XCTAssertEqual(Set(second.keys), [2, 3, 4, 5])
        XCTAssertEqual(second[2], 0)
        XCTAssertEqual(second[3], 9)
    }

    func testMalformedInputIsRefused() {
        let good = NumberForge.first(day: 3, month: 4, year: 5, offset: .synthetic)
        XCTAssertNotNil(IdentityNumber.classify(good))
        XCTAssertNil(IdentityNumber.classify(String(good.dropLast())))
        XCTAssertNil(IdentityNumber.classify(good + "0"))
        XCTAssertNil(IdentityNumber.classify(""))
        XCTAssertNil(IdentityNumber.classify("00000000000"))  // day 0
        // Non-ASCII digits (Arabic-Indic) are not identity-number digits.
        let arabic = String(good.unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x660)!) })
        XCTAssertNil(IdentityNumber.classify(arabic))
        XCTAssertNil(IdentityNumber.classify(String(good.dropLast()) + "x"))
        XCTAssertNil(IdentityNumber.classify(" " + good))
    }

    func testOrganisationNumbers() {
        XCTAssertTrue(Orgnr.isValid("974760673"))
        XCTAssertTrue(Orgnr.isValid(Orgnr.normalize("974 760 673")))
        XCTAssertFalse(Orgnr.isValid("974 760 673"))
        XCTAssertFalse(Orgnr.isValid("97476067"))
        XCTAssertFalse(Orgnr.isValid("9747606730"))
        XCTAssertFalse(Orgnr.isValid("97476067a"))
        for wrong in 0...9 where wrong != 3 {
            XCTAssertFalse(Orgnr.isValid("97476067\(wrong)"))
        }
        // Built independently: every 8-digit stem gets the right check digit, and a stem
        // whose remainder is 1 has no valid number.
        let weights = [3, 2, 7, 6, 5, 4, 3, 2]
        var valid = 0
        for stem in stride(from: 80_000_000, to: 99_999_999, by: 1_234_567) {
            let digits = String(stem).map { Int(String($0))! }
            let r = zip(digits, weights).map(*).reduce(0, +) % 11
            let accepted = (0...9).filter { Orgnr.isValid(String(stem) + String($0)) }
            if r == 1 {
                XCTAssertEqual(accepted, [])
            } else {
                XCTAssertEqual(accepted, [r == 0 ? 0 : 11 - r])
                valid += 1
            }
        }
        XCTAssertGreaterThan(valid, 10)
    }
}
