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
    }

    /// The cells of one grouping, by cell number (`GroupCodes`, `GroupPairs`), kept as one
    /// flat list of counters and one of survival counts rather than as a value per cell, so
    /// that adding a case changes the lists in place.
    struct GroupTable: Sendable {
        private let counterCount: Int
        private let emptySeries: [SurvivalCounts]
        private(set) var count = 0
        /// `counterCount` counters per cell (`Layout`).
        private var counters: [Int] = []
        /// One `SurvivalCounts` per series per cell.
        private var series: [SurvivalCounts] = []

        init(_ layout: Layout) {
            counterCount = layout.counterCount
            emptySeries = layout.series.map { SurvivalCounts(ticksPerUnit: $0.ticksPerUnit) }
        }

        /// Adds a case's facts to cell `n`; `comparedOnly` keeps only the compared series
        /// (the cells within schools).
        mutating func add(_ f: Facts, cell n: Int, comparedOnly: Bool = false) {
            while n >= count {
                counters += repeatElement(0, count: counterCount)
                series += emptySeries
                count += 1
            }
            let counterBase = n * counterCount, seriesBase = n * emptySeries.count
            for offset in f.counters { counters[counterBase + offset] += 1 }
            for o in comparedOnly ? f.comparedObservations : f.observations {
                series[seriesBase + o.series].add(tick: o.tick, event: o.event)
            }
        }

        /// Cell `n` as the figures read it.
        func cell(_ n: Int, _ layout: Layout) -> Cell {
            var cell = Cell(layout)
            let counts = counters[n * counterCount ..< (n + 1) * counterCount]
            func block(_ start: Int, _ length: Int) -> [Int] {
                Array(counts[counts.startIndex + start ..< counts.startIndex + start + length])
            }
            cell.cases = counts[counts.startIndex + Layout.casesCounter]
            cell.series = Array(series[n * emptySeries.count ..< (n + 1) * emptySeries.count])
            cell.noCalendar = block(layout.noCalendarCounters, layout.series.count)
            cell.shareYes = block(layout.shareYesCounters, layout.shares.count)
            cell.shareTotal = block(layout.shareTotalCounters, layout.shares.count)
            cell.categoryYes = block(layout.categoryYesCounters, layout.categoryCount)
            cell.categoryTotal = block(layout.categoryTotalCounters, layout.categoryBlocks.count)
            return cell
        }
    }
}
