import Disclose
import Foundation
import Publish
import SaksgangCore

/// The record of the last publication in the state directory (`publication.json`): what
/// the next night's disclosure control must keep consistent with, and what a night within
/// the same period publishes again (docs/disclosure.md, "Across nights").
enum PublicationRecord {
    static func path(stateDirectory: String) -> String { stateDirectory + "/publication.json" }

    /// The stored record; nil when there is none. A record that cannot be read stops the
    /// run: publishing without it could let tonight's tables undo last night's suppression.
    static func load(stateDirectory: String) throws(SaksgangError) -> PreviousPublication? {
        let path = path(stateDirectory: stateDirectory)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try PreviousPublication.decode(data)
    }

    static func save(_ record: PreviousPublication, stateDirectory: String) throws(SaksgangError) {
        let data = try record.encoded()
        do { try data.write(to: URL(fileURLWithPath: path(stateDirectory: stateDirectory)), options: .atomic) } catch {
            throw SaksgangError(.ioError, "the record of tonight's publication could not be written",
                                at: .init(file: path(stateDirectory: stateDirectory)))
        }
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
