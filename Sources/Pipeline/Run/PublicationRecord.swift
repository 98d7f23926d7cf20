import Disclose
import Foundation
import Publish
import SaksgangCore
import Store

/// The record of the last publication, kept in the store beside the other run state: what
/// the next night's disclosure control must keep consistent with, and what a night within
/// the same period publishes again (docs/disclosure.md, "Across nights").
enum PublicationRecord {
    /// The stored record; nil when there is none. A record that cannot be read stops the
    /// run: publishing without it could let tonight's tables undo last night's suppression.
    static func load(from store: any CaseStore) throws(SaksgangError) -> PreviousPublication? {
        guard let text = try store.runState(.publication) else { return nil }
        return try PreviousPublication.decode(Data(text.utf8))
    }

    static func save(_ record: PreviousPublication, in store: any CaseStore) throws(SaksgangError) {
        // From the bytes straight to the text the store keeps (not through `Data`: at 100,000
        // cases the record is some 30 MB).
        try store.setRunState(.publication, to: String(decoding: try record.encodedBytes(), as: UTF8.self))
    }
}

extension PreviousPublication {
    /// The day the figures describe.
    var asOfDate: LocalDate? {
        let parts = asOf.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return LocalDate(year: parts[0], month: parts[1], day: parts[2])
    }
}
