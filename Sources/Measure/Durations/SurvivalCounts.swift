/// Survival observations kept as counts per tick (a whole day, or a minute for hours), so
/// that a million cases take a few thousand entries instead of a million. The first ticks
/// sit in an array (cheap to add to: a case adds to some thirty cells); the rare long
/// times in a dictionary. Expanded to a curve one group at a time, when its figures are
/// computed.
struct SurvivalCounts: Sendable {
    private struct Tally: Sendable {
        var events: Int32 = 0
        var censored: Int32 = 0
    }
    /// Events and censorings at tick t, for t below `dense`.
    private var denseTallies: [Tally] = []
    private var sparse: [Int: (events: Int, censored: Int)] = [:]
    private(set) var total = 0
    /// Ticks below this sit in the array: 4,096 days, or 8,192 minutes (5.7 days; in the
    /// generated exports nine in ten first contacts come sooner).
    private let dense: Int

    init(ticksPerUnit: Int = 1) {
        dense = ticksPerUnit == 1 ? 4096 : 8192
    }

    mutating func add(tick: Int, event: Bool) {
        total += 1
        if tick >= 0, tick < dense {
            if tick >= denseTallies.count {
                let size = min(dense, max(tick + 1, denseTallies.count * 2, 64))
                denseTallies += repeatElement(Tally(), count: size - denseTallies.count)
            }
            if event { denseTallies[tick].events += 1 } else { denseTallies[tick].censored += 1 }
        } else {
            if event { sparse[tick, default: (0, 0)].events += 1 } else { sparse[tick, default: (0, 0)].censored += 1 }
        }
    }

    /// Adds the counts of another series of the same unit.
    mutating func add(_ other: SurvivalCounts) {
        total += other.total
        if other.denseTallies.count > denseTallies.count {
            denseTallies += repeatElement(Tally(), count: other.denseTallies.count - denseTallies.count)
        }
        for (t, tally) in other.denseTallies.enumerated() {
            denseTallies[t].events += tally.events
            denseTallies[t].censored += tally.censored
        }
        for (t, counts) in other.sparse {
            sparse[t, default: (0, 0)].events += counts.events
            sparse[t, default: (0, 0)].censored += counts.censored
        }
    }

    var isEmpty: Bool { total == 0 }

    /// (tick, events, censored) in tick order, ticks with nothing left out.
    var ticks: [(tick: Int, events: Int, censored: Int)] {
        var out: [(Int, Int, Int)] = []
        for (t, tally) in denseTallies.enumerated() where tally.events != 0 || tally.censored != 0 {
            out.append((t, Int(tally.events), Int(tally.censored)))
        }
        for t in sparse.keys.sorted() { out.append((t, sparse[t]!.events, sparse[t]!.censored)) }
        return out.sorted { $0.0 < $1.0 }
    }

    /// The counts as the estimators take them: one row per distinct time, ascending.
    func eventCounts(ticksPerUnit: Int = 1) -> [EventCount] {
        ticks.map { EventCount(time: Double($0.tick) / Double(ticksPerUnit), events: $0.events, censored: $0.censored) }
    }
}
