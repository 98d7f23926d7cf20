import Foundation
import SaksgangCore
import Store

/// Removes from the store the cases closed longer ago than the pipeline's retention period
/// (`retention: { closed_cases_days: N }`). The period counts back from the night's as-of
/// date (the latest export the store has seen), not from the clock, so a rerun over the same
/// exports removes the same cases and the reports stay a function of the store and inputs.
/// Expired cases are found in the scan that measures (and left out of it), and removed in one
/// transaction with the record the manifest publishes.
struct CaseRetention {
    let days: Int
    /// Cases closed before this day are removed.
    let closedBefore: LocalDate

    /// The retention of a night whose data reach `asOf`.
    init(days: Int, asOf: LocalDate) {
        self.days = days
        closedBefore = asOf.adding(days: -days)
    }

    /// What retention removed at the current cut-off, kept in the store (`RunState.retention`)
    /// and published in the manifest. A rerun after a kill finds the count in the store, so
    /// its manifest says what the uninterrupted run's said.
    struct Record: Codable, Equatable {
        var closedCasesDays: Int
        var closedBefore: String
        var removedCases: Int

        enum CodingKeys: String, CodingKey {
            case closedCasesDays = "closed_cases_days", closedBefore = "closed_before", removedCases = "removed_cases"
        }
    }

    func expires(_ c: Case) -> Bool {
        guard let closed = c.closing?.time else { return false }
        return closed.localDate < closedBefore
    }

    /// Removes `expired` and records the count, adding to what earlier runs removed at the
    /// same cut-off.
    func remove(_ expired: [CaseKey], from store: any CaseStore) throws(SaksgangError) -> Record {
        let previous = try store.runState(.retention).flatMap { try? JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
        var record = Record(closedCasesDays: days, closedBefore: closedBefore.description, removedCases: expired.count)
        if let previous, previous.closedCasesDays == days, previous.closedBefore == record.closedBefore {
            record.removedCases += previous.removedCases
        }
        if record != previous {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let text = String(decoding: (try? encoder.encode(record)) ?? Data(), as: UTF8.self)
            try store.removeCases(expired, settingRunState: .retention, to: text)
        }
        return record
    }
}
