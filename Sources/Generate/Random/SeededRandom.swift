import Foundation

/// A deterministic pseudo-random source (xoshiro256** seeded through SplitMix64): the same
/// seed gives the same sequence on every machine, so the same arguments give the same bytes.
/// Foundation's random sources are never used by the generator.
public struct SeededRandom: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        var sm = seed
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(&sm); s1 = splitMix(&sm); s2 = splitMix(&sm); s3 = splitMix(&sm)
    }

    /// An independent stream for one purpose (a municipality, a school), so that changing
    /// how much one part draws does not shift every later part.
    public func derived(_ salt: UInt64) -> SeededRandom {
        var copy = self
        return SeededRandom(seed: copy.next() ^ (salt &* 0xD1B5_4A32_D192_ED03))
    }

    @inline(__always) public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in [0, 1).
    @inline(__always) public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform integer in `range` (Lemire's multiply-shift; the tiny bias is irrelevant here).
    @inline(__always) public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    @inline(__always) public mutating func int(below n: Int) -> Int { int(0...(n - 1)) }

    @inline(__always) public mutating func chance(_ p: Double) -> Bool { unit() < p }

    public mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }

    /// Exponentially distributed with the given mean.
    public mutating func exponential(mean: Double) -> Double {
        -mean * log1p(-unit())
    }

    /// Gamma with shape 2 (the sum of two exponentials): a right-skewed duration with fewer
    /// near-zero values than an exponential.
    public mutating func gamma2(mean: Double) -> Double {
        exponential(mean: mean / 2) + exponential(mean: mean / 2)
    }

    /// An index drawn with the given (not necessarily normalised) weights.
    public mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }
}
