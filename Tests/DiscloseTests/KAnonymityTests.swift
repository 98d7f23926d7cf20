@testable import Disclose
import TestSupport
import XCTest

/// The generic k-anonymity algorithm on small hand-made tables and on random ones, and the
/// country-region table of the research extract.
final class KAnonymityTests: XCTestCase {
    private let age = KAnonymity.QuasiIdentifier("age", levels: [
        KAnonymity.Level("decade") { String($0.prefix(1)) + "0s" },
        KAnonymity.Level("all") { _ in "any" },
    ])
    private let place = KAnonymity.QuasiIdentifier("place", levels: [KAnonymity.Level("region") { $0.hasPrefix("0") ? "east" : "west" }])
    private let sex = KAnonymity.QuasiIdentifier("sex")

    private func anonymity(k: Int, plan: [KAnonymity.Step] = [], tolerance: Double = 0) -> KAnonymity {
        KAnonymity(k: k, quasiIdentifiers: [age, place, sex], plan: plan, suppressionOrder: ["age", "place", "sex"],
                   suppressLast: ["sex"], tolerance: tolerance)
    }

    /// Every released class holds k records, every record is released or counted, and the
    /// report describes what was released.
    private func assertSound(_ out: KAnonymity.Outcome, input: [[String]], k: Int, file: StaticString = #filePath, line: UInt = #line) {
        let released = out.records.compactMap { $0 }
        let sizes = KAnonymity.classSizes(released)
        XCTAssertTrue(sizes.values.allSatisfy { $0 >= k }, "a class under k", file: file, line: line)
        XCTAssertEqual(out.records.count, input.count, file: file, line: line)
        XCTAssertEqual(released.count + out.report.recordsSuppressed, input.count, file: file, line: line)
        XCTAssertEqual(out.report.recordsReleased, released.count, file: file, line: line)
        XCTAssertEqual(out.report.equivalenceClasses, sizes.count, file: file, line: line)
        XCTAssertEqual(out.report.smallestClass, sizes.values.min() ?? 0, file: file, line: line)
        XCTAssertTrue(out.report.kAnonymous, file: file, line: line)
        let stars = released.reduce(0) { $0 + $1.filter { $0 == KAnonymity.suppressed }.count }
        XCTAssertEqual(out.report.valuesSuppressed.values.reduce(0, +), stars, file: file, line: line)
        XCTAssertEqual(out.report.recordsWithSuppressedValues, released.filter { $0.contains(KAnonymity.suppressed) }.count,
                       file: file, line: line)
    }

    func testAlreadyAnonymousDataIsLeftAlone() {
        let input = Array(repeating: ["31", "0301", "J"], count: 3) + Array(repeating: ["45", "4601", "G"], count: 3)
        let out = anonymity(k: 3, plan: [.init("age", level: 1)]).anonymise(input)
        XCTAssertEqual(out.records.compactMap { $0 }, input)
        XCTAssertEqual(out.report.generalisations, [])
        XCTAssertEqual(out.report.recordsAtRiskInitially, 0)
        XCTAssertEqual(out.report.levels["age"], 0)
        assertSound(out, input: input, k: 3)
    }

    func testGlobalRecodingFollowsThePlanAndSkipsStepsThatProtectNobody() {
        // Ages differ within a decade: the decade makes every class 3 records. Place (level 1)
        // would help nobody once ages are decades, and is not taken.
        let input = [["31", "0301", "J"], ["32", "0301", "J"], ["35", "0301", "J"],
                     ["41", "4601", "G"], ["44", "4601", "G"], ["47", "4601", "G"]]
        let out = anonymity(k: 3, plan: [.init("age", level: 1), .init("place", level: 1)]).anonymise(input)
        XCTAssertEqual(out.report.generalisations.map(\.quasiIdentifier), ["age"])
        XCTAssertEqual(out.report.generalisations.first?.recordsAtRiskBefore, 6)
        XCTAssertEqual(out.report.generalisations.first?.recordsAtRiskAfter, 0)
        XCTAssertEqual(out.records.compactMap { $0 }.map { $0[0] }, ["30s", "30s", "30s", "40s", "40s", "40s"])
        XCTAssertEqual(out.report.levels, ["age": 1, "place": 0, "sex": 0])
        assertSound(out, input: input, k: 3)
    }

    func testGlobalRecodingStopsWithinTheTolerance() {
        // 9 records safe, 1 at risk: with a tolerance of 10 % nothing is generalised, and the
        // lone record is handled locally.
        let input = Array(repeating: ["31", "0301", "J"], count: 9) + [["77", "5001", "J"]]
        let out = anonymity(k: 3, plan: [.init("age", level: 1), .init("place", level: 1)], tolerance: 0.1).anonymise(input)
        XCTAssertEqual(out.report.generalisations, [])
        XCTAssertEqual(out.records[0], ["31", "0301", "J"])
        assertSound(out, input: input, k: 3)
    }

    func testLocalSuppressionPoolsSmallClassesAndKeepsProtectedValues() {
        // Three lone records that differ in age only: suppressing age pools them; sex (to be
        // suppressed last) is kept.
        let big = Array(repeating: ["31", "0301", "J"], count: 5)
        let input = big + [["52", "4601", "G"], ["61", "4601", "G"], ["70", "4601", "G"]]
        let out = anonymity(k: 3).anonymise(input)
        XCTAssertEqual(Array(out.records[5...]).compactMap { $0 }, Array(repeating: ["*", "4601", "G"], count: 3))
        XCTAssertEqual(out.report.valuesSuppressed["age"], 3)
        XCTAssertEqual(out.report.valuesSuppressed["sex"], 0)
        XCTAssertEqual(out.report.recordsSuppressed, 0)
        assertSound(out, input: input, k: 3)
    }

    func testRecordsThatCannotReachKAreDroppedAndCounted() {
        let input = Array(repeating: ["31", "0301", "J"], count: 5) + [["52", "4601", "G"]]
        let out = anonymity(k: 5).anonymise(input)
        XCTAssertNil(out.records[5])
        XCTAssertEqual(out.report.recordsSuppressed, 1)
        XCTAssertEqual(out.report.records, 6)
        assertSound(out, input: input, k: 5)
        // Nothing can be released at all.
        let none = anonymity(k: 5).anonymise([["31", "0301", "J"], ["32", "0301", "J"]])
        XCTAssertEqual(none.report.recordsSuppressed, 2)
        XCTAssertEqual(none.report.equivalenceClasses, 0)
        XCTAssertEqual(none.report.smallestClass, 0)
    }

    func testRandomTablesComeOutKAnonymous() {
        var random = SplitMix64(seed: 2025)
        for round in 0..<40 {
            let k = 2 + Int(random.next() % 6)
            let n = Int(random.next() % 400)
            let input = (0..<n).map { _ in
                [String(10 + Int(random.next() % 70)), ["0301", "4601", "5001", "1103"][Int(random.next() % 4)],
                 ["J", "G", "A", "unknown"][Int(random.next() % 4)]]
            }
            let plan: [KAnonymity.Step] = round % 2 == 0 ? [.init("age", level: 1), .init("place", level: 1), .init("age", level: 2)] : []
            let out = anonymity(k: k, plan: plan, tolerance: Double(round % 5) / 100).anonymise(input)
            assertSound(out, input: input, k: k)
            // Released values are the originals, their generalisations, or `*`.
            for (r, released) in zip(input, out.records) {
                guard let released else { continue }
                XCTAssertTrue(released[2] == r[2] || released[2] == KAnonymity.suppressed)
            }
        }
    }

    // MARK: Country regions

    func testEveryCountryHasOneRegionAndCodesAreWellFormed() {
        let codes = CountryRegion.table.flatMap(\.1)
        XCTAssertEqual(Set(codes).count, codes.count, "a code listed twice")
        XCTAssertGreaterThan(codes.count, 240)
        for code in codes { XCTAssertTrue(code.count == 2 && code.allSatisfy { $0.isUppercase && $0.isASCII }, code) }
        XCTAssertEqual(CountryRegion(country: "NO"), .norway)
        XCTAssertEqual(CountryRegion(country: "so"), .subSaharanAfrica)
        XCTAssertEqual(CountryRegion(country: "SY"), .middleEastNorthAfrica)
        XCTAssertEqual(CountryRegion(country: "AF"), .southCentralAsia)
        XCTAssertEqual(CountryRegion(country: "PL"), .euEEAUK)
        XCTAssertEqual(CountryRegion(country: "UA"), .europeOther)
        XCTAssertEqual(CountryRegion(country: nil), .unknown)
        XCTAssertEqual(CountryRegion(country: "QQ"), .unknown)
        XCTAssertEqual(CountryRegion.unknown.countryGroup, "unknown")
        XCTAssertEqual(CountryRegion.norway.countryGroup, "norway")
        XCTAssertEqual(CountryRegion.australiaNewZealand.countryGroup, "country_group_1")
        XCTAssertEqual(CountryRegion.pacificIslands.countryGroup, "country_group_2")
        // Every region but unknown has countries.
        XCTAssertEqual(Set(CountryRegion.table.map(\.0)), Set(CountryRegion.allCases).subtracting([.unknown]))
    }

    func testTermsGeneraliseToTheirSchoolYear() {
        XCTAssertEqual(ResearchExtract.schoolYear(ofTerm: "2024-autumn"), "2024-2025")
        XCTAssertEqual(ResearchExtract.schoolYear(ofTerm: "2025-spring"), "2024-2025")
        XCTAssertEqual(ResearchExtract.schoolYear(ofTerm: "unknown"), "unknown")
    }
}
