@testable import Measure
import XCTest

/// Survival counts give the same rows per tick whether a series keeps its observations one
/// by one, has turned dense, or is the sum of series in either form.
final class SurvivalCountsTests: XCTestCase {
    /// The rows counted the plain way: per tick, events and censorings, ascending.
    static func expected(_ observations: [(tick: Int, event: Bool)]) -> [[Int]] {
        var byTick: [Int: (Int, Int)] = [:]
        for o in observations {
            if o.event { byTick[o.tick, default: (0, 0)].0 += 1 } else { byTick[o.tick, default: (0, 0)].1 += 1 }
        }
        return byTick.keys.sorted().map { [$0, byTick[$0]!.0, byTick[$0]!.1] }
    }

    static func rows(_ counts: SurvivalCounts) -> [[Int]] { counts.ticks.map { [$0.tick, $0.events, $0.censored] } }

    /// `n` observations, most of them below `short` ticks (so that a series turns dense after
    /// some 4 × `short` of them), every fifth anywhere up to past the dense range, a few negative.
    static func observations(_ n: Int, seed: UInt64, ticksPerUnit: Int, short: Int = 300) -> [(tick: Int, event: Bool)] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let span = ticksPerUnit == 1 ? 5000 : 10_000
        return (0..<n).map { i in
            let r = Int(next() % UInt64(span))
            let tick = i % 97 == 0 ? -r : (i % 5 == 0 && short > 40 ? r : r % short)
            return (tick, next() % 3 != 0)
        }
    }

    func testEveryFormGivesTheSameRows() {
        for ticksPerUnit in [1, 60] {
            for short in [20, 300] {
                for n in [0, 1, 7, 255, 256, 257, 1200, 20_000] {
                    let obs = Self.observations(n, seed: UInt64(n * ticksPerUnit + short), ticksPerUnit: ticksPerUnit, short: short)
                    var counts = SurvivalCounts(ticksPerUnit: ticksPerUnit)
                    for o in obs { counts.add(tick: o.tick, event: o.event) }
                    XCTAssertEqual(Self.rows(counts), Self.expected(obs), "n \(n), short \(short), ticks per unit \(ticksPerUnit)")
                    XCTAssertEqual(counts.total, n)
                }
            }
        }
    }

    func testSumsOfEitherFormGiveTheSameRows() {
        // With most ticks below 20, a series turns dense past 256 observations.
        let sizes = [0, 3, 200, 300, 3000]
        for ticksPerUnit in [1, 60] {
            for a in sizes {
                for b in sizes {
                    let oa = Self.observations(a, seed: UInt64(a + 11), ticksPerUnit: ticksPerUnit, short: 20)
                    let ob = Self.observations(b, seed: UInt64(b + 13), ticksPerUnit: ticksPerUnit, short: 20)
                    var ca = SurvivalCounts(ticksPerUnit: ticksPerUnit), cb = SurvivalCounts(ticksPerUnit: ticksPerUnit)
                    for o in oa { ca.add(tick: o.tick, event: o.event) }
                    for o in ob { cb.add(tick: o.tick, event: o.event) }
                    var sum = ca
                    sum.add(cb)
                    XCTAssertEqual(Self.rows(sum), Self.expected(oa + ob), "\(a) + \(b), ticks per unit \(ticksPerUnit)")
                    XCTAssertEqual(sum.total, a + b)
                    // Adding to a sum afterwards still counts in whichever form it is in.
                    sum.add(tick: 5, event: true)
                    XCTAssertEqual(Self.rows(sum), Self.expected(oa + ob + [(5, true)]))
                }
            }
        }
    }
}
