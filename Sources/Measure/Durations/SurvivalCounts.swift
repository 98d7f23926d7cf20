/// Survival observations kept as counts per tick (a whole day, or a minute for hours), so
/// that a million cases take a few hundred entries instead of a million. Days sit in an
/// array (the common case, cheap to add to); other ticks in a dictionary. Expanded to a
/// curve one group at a time, when its figures are computed.
struct SurvivalCounts: Sendable {
    /// Events and censorings at tick t, for t below `dense`.
    private var denseEvents: [Int32] = []
    private var denseCensored: [Int32] = []
    private var sparse: [Int: (events: Int, censored: Int)] = [:]
    private(set) var total = 0
    /// Ticks below this sit in the arrays: 4,096 for days, none for minutes (hours), whose
    /// ticks are many and sparse.
    private let dense: Int

    init(dense: Int = 4096) {
        self.dense = dense
    }

    mutating func add(tick: Int, event: Bool) {
        total += 1
        if tick >= 0, tick < dense {
            if tick >= denseEvents.count {
                let size = min(dense, max(tick + 1, denseEvents.count * 2, 64))
                denseEvents += repeatElement(0, count: size - denseEvents.count)
                denseCensored += repeatElement(0, count: size - denseCensored.count)
            }
            if event { denseEvents[tick] += 1 } else { denseCensored[tick] += 1 }
        } else {
            if event { sparse[tick, default: (0, 0)].events += 1 } else { sparse[tick, default: (0, 0)].censored += 1 }
        }
    }

    var isEmpty: Bool { total == 0 }

    /// (tick, events, censored) in tick order, ticks with nothing left out.
    var ticks: [(tick: Int, events: Int, censored: Int)] {
        var out: [(Int, Int, Int)] = []
        for t in denseEvents.indices where denseEvents[t] != 0 || denseCensored[t] != 0 {
            out.append((t, Int(denseEvents[t]), Int(denseCensored[t])))
        }
        for t in sparse.keys.sorted() { out.append((t, sparse[t]!.events, sparse[t]!.censored)) }
        return out.sorted { $0.0 < $1.0 }
    }

    /// The counts as the estimators take them: one row per distinct time, ascending.
    func eventCounts(ticksPerUnit: Int = 1) -> [EventCount] {
        ticks.map { EventCount(time: Double($0.tick) / Double(ticksPerUnit), events: $0.events, censored: $0.censored) }
    }
}
