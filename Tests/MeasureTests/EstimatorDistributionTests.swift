import Measure
import XCTest

/// The normal quantile and the χ²(1) tail against scipy.
final class EstimatorDistributionTests: XCTestCase {
    func testNormalQuantileMatchesScipy() throws {
        let oracle = try EstimatorOracle.load()
        XCTAssertGreaterThan(oracle.inverseNormal.count, 20)
        for item in oracle.inverseNormal {
            assertRelativelyClose(NormalDistribution.quantile(item.p), item.x, tolerance: 1e-14, "p=\(item.p)")
        }
    }

    func testNormalQuantileEdgesAndSymmetry() {
        XCTAssertEqual(NormalDistribution.quantile(0.5), 0)
        XCTAssertEqual(NormalDistribution.quantile(0), -.infinity)
        XCTAssertEqual(NormalDistribution.quantile(1), .infinity)
        XCTAssertTrue(NormalDistribution.quantile(1.5).isNaN)
        XCTAssertTrue(NormalDistribution.quantile(-0.1).isNaN)
        for p in [0.001, 0.03, 0.2, 0.4] {
            XCTAssertEqual(NormalDistribution.quantile(p), -NormalDistribution.quantile(1 - p), accuracy: 1e-13)
        }
        XCTAssertEqual(NormalDistribution.twoSidedCriticalValue(level: 0.95), 1.959963984540054, accuracy: 1e-14)
        XCTAssertEqual(NormalDistribution.twoSidedCriticalValue(level: 0.90), 1.6448536269514722, accuracy: 1e-14)
    }

    func testChiSquareOneTailMatchesScipy() throws {
        let oracle = try EstimatorOracle.load()
        for item in oracle.chiSquare1Sf {
            assertRelativelyClose(ChiSquareDistribution.survivalOneDegree(item.x), item.sf,
                                  tolerance: 1e-12, "x=\(item.x)")
        }
        XCTAssertEqual(ChiSquareDistribution.survivalOneDegree(-1), 1)
        XCTAssertEqual(ChiSquareDistribution.survivalOneDegree(3.841458820694124), 0.05, accuracy: 1e-15)
    }
}
