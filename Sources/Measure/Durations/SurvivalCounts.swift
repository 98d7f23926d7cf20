/// Survival observations kept as counts per tick (a whole day, or a minute for hours), so
/// that a million cases take a few thousand entries instead of a million. A series keeps
/// each observation as two bytes, in arrival order, for as long as that takes less memory
/// than tallies would; then the first ticks sit in an array of tallies (cheap to add to: a
/// case adds to some thirty cells); the rare long times in a dictionary. Expanded to a
/// curve one group at a time, when its figures are computed.
///
/// Why two forms: an array of tallies costs eight bytes a tick up to the longest time met
/// (32 KiB for a day series with one case open for years, 64 KiB for an hours series), and
/// most cells (a school's groups, within schools and in the crossing by school) hold a few
/// hundred cases: at 100,000 cases their tallies were 83 MB of the run's heap peak.
struct SurvivalCounts: Sendable {
    private struct Tally: Sendable {
        var events: Int32 = 0
        var censored: Int32 = 0
    }
    /// While the series is not yet dense: each observation with a tick below `dense`, as
    /// `tick << 1 | event`, in the order met.
    private var pending: [UInt16] = []
    /// Events and censorings at tick t, for t below `dense`, once the series is dense.
    private var denseTallies: [Tally] = []
    private var isDense = false
    /// The longest tick among `pending` (-1 when none).
    private var pendingMaxTick = -1
    private var sparse: [Int: (events: Int, censored: Int)] = [:]
    private(set) var total = 0
    /// Ticks below this sit in the array: 4,096 days, or 8,192 minutes (5.7 days; in the
    /// generated exports nine in ten first contacts come sooner). Either, doubled and with the
    /// event bit, fits `pending`'s two bytes.
    private let dense: Int

    init(ticksPerUnit: Int = 1) {
        dense = ticksPerUnit == 1 ? 4096 : 8192
    }

    mutating func add(tick: Int, event: Bool) {
        total += 1
        if tick >= 0, tick < dense, !isDense {
            pending.append(UInt16(truncatingIfNeeded: tick << 1) | (event ? 1 : 0))
            pendingMaxTick = max(pendingMaxTick, tick)
            if pendingOutgrowsTallies { makeDense() }
        } else {
            count(tick: tick, events: event ? 1 : 0, censored: event ? 0 : 1)
        }
    }

    /// Adds to the tallies (a tick below `dense` only once the series is dense).
    private mutating func count(tick: Int, events: Int32, censored: Int32) {
        if tick >= 0, tick < dense {
            if tick >= denseTallies.count {
                let size = min(dense, max(tick + 1, denseTallies.count * 2, 64))
                denseTallies += repeatElement(Tally(), count: size - denseTallies.count)
            }
            denseTallies[tick].events += events
            denseTallies[tick].censored += censored
        } else {
            sparse[tick, default: (0, 0)].events += Int(events)
            sparse[tick, default: (0, 0)].censored += Int(censored)
        }
    }

    private mutating func count(observation o: UInt16) {
        let event = o & 1 == 1
        count(tick: Int(o >> 1), events: event ? 1 : 0, censored: event ? 0 : 1)
    }

    /// True when the pending observations (two bytes each) take more memory than tallies up
    /// to the longest of them would (eight bytes a tick, 64 at least).
    private var pendingOutgrowsTallies: Bool {
        pending.count > 4 * max(64, pendingMaxTick + 1)
    }

    /// Moves the pending observations into the tallies.
    private mutating func makeDense() {
        guard !isDense else { return }
        isDense = true
        let observations = pending
        pending = []
        pendingMaxTick = -1
        for o in observations { count(observation: o) }
    }

    /// Adds the counts of another series of the same unit.
    mutating func add(_ other: SurvivalCounts) {
        total += other.total
        if !isDense, !other.isDense {
            pending += other.pending
            pendingMaxTick = max(pendingMaxTick, other.pendingMaxTick)
            if pendingOutgrowsTallies { makeDense() }
        } else {
            makeDense()
            for o in other.pending { count(observation: o) }
            if other.denseTallies.count > denseTallies.count {
                denseTallies += repeatElement(Tally(), count: other.denseTallies.count - denseTallies.count)
            }
            for (t, tally) in other.denseTallies.enumerated() {
                denseTallies[t].events += tally.events
                denseTallies[t].censored += tally.censored
            }
        }
        for (t, counts) in other.sparse {
            sparse[t, default: (0, 0)].events += counts.events
            sparse[t, default: (0, 0)].censored += counts.censored
        }
    }

    var isEmpty: Bool { total == 0 }

    /// (tick, events, censored) in tick order, ticks with nothing left out.
    var ticks: [(tick: Int, events: Int, censored: Int)] {
        // The three forms hold different ticks: `sparse` those below 0 or from `dense` on,
        // the tallies or (never both) the pending observations those in between. So the
        // negative ticks, then the ones in between, then the long ones are in order.
        let long = sparse.keys.sorted()
        let firstLong = long.firstIndex { $0 >= 0 } ?? long.count
        var out: [(tick: Int, events: Int, censored: Int)] = []
        out.reserveCapacity(long.count + (isDense ? denseTallies.count : pending.count))
        for t in long[..<firstLong] { out.append((t, sparse[t]!.events, sparse[t]!.censored)) }
        for (t, tally) in denseTallies.enumerated() where tally.events != 0 || tally.censored != 0 {
            out.append((t, Int(tally.events), Int(tally.censored)))
        }
        // Sorted, a tick's censorings (even) come right before its events (odd).
        let inBetween = out.count
        for o in pending.sorted() {
            let t = Int(o >> 1)
            if out.count == inBetween || out[out.count - 1].tick != t { out.append((t, 0, 0)) }
            if o & 1 == 1 { out[out.count - 1].events += 1 } else { out[out.count - 1].censored += 1 }
        }
        for t in long[firstLong...] { out.append((t, sparse[t]!.events, sparse[t]!.censored)) }
        return out
    }

    /// The counts as the estimators take them: one row per distinct time, ascending.
    func eventCounts(ticksPerUnit: Int = 1) -> [EventCount] {
        ticks.map { EventCount(time: Double($0.tick) / Double(ticksPerUnit), events: $0.events, censored: $0.censored) }
    }
}
