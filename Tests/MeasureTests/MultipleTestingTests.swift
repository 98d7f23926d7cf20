import Measure
import TestSupport
import XCTest

/// Holm and Benjamini–Hochberg adjusted p-values against statsmodels and by hand.
final class MultipleTestingTests: XCTestCase {
    func testMatchesStatsmodels() throws {
        let sets = try EstimatorOracle.load().multipleTesting
        XCTAssertGreaterThanOrEqual(sets.count, 5)
        for set in sets {
            let holm = MultipleTesting.holm(set.pValues)
            let bh = MultipleTesting.benjaminiHochberg(set.pValues)
            XCTAssertEqual(holm.count, set.pValues.count)
            XCTAssertEqual(bh.count, set.pValues.count)
            for index in set.pValues.indices {
                assertClose(holm[index], set.holm[index], "holm \(set.pValues) #\(index)")
                assertClose(bh[index], set.benjaminiHochberg[index], "bh \(set.pValues) #\(index)")
            }
        }
    }

    /// p = (0.01, 0.04, 0.03, 0.005), m = 4. Holm sorted: 0.005·4 = 0.02, 0.01·3 = 0.03,
    /// 0.03·2 = 0.06, 0.04·1 → max so far 0.06. BH: 0.04·4/4 = 0.04, 0.03·4/3 = 0.04,
    /// 0.01·4/2 = 0.02, 0.005·4/1 = 0.02.
    func testByHandKeepsInputOrder() {
        let p = [0.01, 0.04, 0.03, 0.005]
        let holm = MultipleTesting.holm(p)
        let expectedHolm = [0.03, 0.06, 0.06, 0.02]
        let bh = MultipleTesting.benjaminiHochberg(p)
        let expectedBH = [0.02, 0.04, 0.04, 0.02]
        for index in p.indices {
            XCTAssertEqual(holm[index], expectedHolm[index], accuracy: 1e-15)
            XCTAssertEqual(bh[index], expectedBH[index], accuracy: 1e-15)
        }
    }

    func testEmptyAndNaN() {
        XCTAssertEqual(MultipleTesting.holm([]), [])
        XCTAssertEqual(MultipleTesting.benjaminiHochberg([]), [])
        // A NaN is left out: the other two are adjusted as a family of two.
        let holm = MultipleTesting.holm([0.02, .nan, 0.01])
        XCTAssertTrue(holm[1].isNaN)
        XCTAssertEqual(holm[0], 0.02, accuracy: 1e-15)
        XCTAssertEqual(holm[2], 0.02, accuracy: 1e-15)
        let bh = MultipleTesting.benjaminiHochberg([0.02, .nan, 0.01])
        XCTAssertTrue(bh[1].isNaN)
        XCTAssertEqual(bh[0], 0.02, accuracy: 1e-15)
        XCTAssertEqual(bh[2], 0.02, accuracy: 1e-15)
    }

    func testAdjustedNeverBelowRawAndCappedAtOne() {
        var generator = SplitMix64(seed: 11)
        let p = (0..<50).map { _ in Double(generator.next() % 1_000_000) / 1_000_000 }
        for adjusted in [MultipleTesting.holm(p), MultipleTesting.benjaminiHochberg(p)] {
            for (raw, value) in zip(p, adjusted) {
                XCTAssertGreaterThanOrEqual(value, raw)
                XCTAssertLessThanOrEqual(value, 1)
            }
        }
    }
}
