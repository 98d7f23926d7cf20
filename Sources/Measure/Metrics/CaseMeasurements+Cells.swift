extension CaseMeasurements {
    /// The counts of one group, as the figures and comparisons read them.
    struct Cell: Sendable {
        var cases = 0
        var series: [SurvivalCounts]
        /// Cases of a school-day series that had no school calendar: its figures are withheld.
        var noCalendar: [Int]
        var shareYes: [Int]
        var shareTotal: [Int]
        var categoryYes: [Int]
        var categoryTotal: [Int]

        /// A cell with no case.
        init(_ layout: Layout) {
            series = layout.series.map { SurvivalCounts(ticksPerUnit: $0.ticksPerUnit) }
            noCalendar = Array(repeating: 0, count: layout.series.count)
            shareYes = Array(repeating: 0, count: layout.shares.count)
            shareTotal = shareYes
            categoryYes = Array(repeating: 0, count: layout.categoryCount)
            categoryTotal = Array(repeating: 0, count: layout.categoryBlocks.count)
        }

        /// Adds the counts of another cell: the cell of both groups' cases.
        mutating func add(_ other: Cell) {
            cases += other.cases
            for s in series.indices { series[s].add(other.series[s]) }
            func add(_ a: inout [Int], _ b: [Int]) { for k in a.indices { a[k] += b[k] } }
            add(&noCalendar, other.noCalendar)
            add(&shareYes, other.shareYes)
            add(&shareTotal, other.shareTotal)
            add(&categoryYes, other.categoryYes)
            add(&categoryTotal, other.categoryTotal)
        }
    }

    /// The cells of one grouping, by cell number (`GroupCodes`, `GroupPairs`), kept as one
    /// flat list of counters and one of survival counts rather than as a value per cell, so
    /// that adding a case changes the lists in place.
    struct GroupTable: Sendable {
        /// What a table keeps of each case.
        enum Part: Sendable {
            /// The counters and every series.
            case everything
            /// The counters and the series that comparisons read (the cells within schools).
            case compared
            /// Only the series that comparisons do not read (a grouping whose cells within
            /// schools hold the rest, `CaseMeasurements.cells(_:)`).
            case uncompared
        }
        let part: Part
        private let counterCount: Int
        private let emptySeries: [SurvivalCounts]
        private(set) var count = 0
        /// `counterCount` counters per cell (`Layout`); 32 bits halve the memory a case
        /// touches, and no cell holds two billion cases.
        private var counters: [Int32] = []
        /// One `SurvivalCounts` per series per cell.
        private var series: [SurvivalCounts] = []

        init(_ layout: Layout, keeping part: Part) {
            self.part = part
            counterCount = part == .uncompared ? 0 : layout.counterCount
            emptySeries = layout.series.map { SurvivalCounts(ticksPerUnit: $0.ticksPerUnit) }
        }

        /// Adds what this table keeps of a case's facts to cell `n`.
        mutating func add(_ f: Facts, cell n: Int) {
            while n >= count {
                counters += repeatElement(0, count: counterCount)
                series += emptySeries
                count += 1
            }
            // Through buffer pointers: some thirty tables take every case, and subscripting
            // the lists checked their uniqueness once per counter and per observation.
            let seriesBase = n * emptySeries.count
            series.withUnsafeMutableBufferPointer { series in
                if part != .uncompared {
                    let counterBase = n * counterCount
                    counters.withUnsafeMutableBufferPointer { counters in
                        for offset in f.counters { counters[counterBase + offset] += 1 }
                    }
                    for o in f.comparedObservations { series[seriesBase + o.series].add(tick: o.tick, event: o.event) }
                }
                if part != .compared {
                    for o in f.uncomparedObservations { series[seriesBase + o.series].add(tick: o.tick, event: o.event) }
                }
            }
        }

        /// Cell `n` as the figures read it (what the table does not keep is zero).
        func cell(_ n: Int, _ layout: Layout) -> Cell {
            var cell = Cell(layout)
            cell.series = Array(series[n * emptySeries.count ..< (n + 1) * emptySeries.count])
            guard counterCount > 0 else { return cell }
            let counts = counters[n * counterCount ..< (n + 1) * counterCount]
            func block(_ start: Int, _ length: Int) -> [Int] {
                counts[counts.startIndex + start ..< counts.startIndex + start + length].map(Int.init)
            }
            cell.cases = Int(counts[counts.startIndex + Layout.casesCounter])
            cell.noCalendar = block(layout.noCalendarCounters, layout.series.count)
            cell.shareYes = block(layout.shareYesCounters, layout.shares.count)
            cell.shareTotal = block(layout.shareTotalCounters, layout.shares.count)
            cell.categoryYes = block(layout.categoryYesCounters, layout.categoryCount)
            cell.categoryTotal = block(layout.categoryTotalCounters, layout.categoryBlocks.count)
            return cell
        }
    }

    /// Every cell of grouping `i`, by cell number. A grouping compared within schools keeps
    /// only the uncompared series itself: the rest of a group's cell is the sum of its cells
    /// within schools, which hold every case of the group, so a case is counted into one
    /// cell less for each such grouping (counts add up exactly: the figures are the same).
    func cells(_ i: Int) -> [Cell] {
        var cells = (0..<tables[i].count).map { tables[i].cell($0, layout) }
        guard let s = strataGroupings.firstIndex(of: i) else { return cells }
        for (x, pair) in strataPairs[s].pairs.enumerated() {
            cells[pair.second].add(strata[s].cell(x, layout))
        }
        return cells
    }
}
