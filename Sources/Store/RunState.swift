/// The run's own bookkeeping, kept in the store beside the cases (as JSON text) so that every
/// machine sharing a store sees the same: which reports the store last gave, the export
/// folder's content hashes, the last retention pass.
public enum RunState: String, Sendable, CaseIterable {
    /// What the reports in the output folder were built from.
    case reportState = "report_state"
    /// Content hashes of the export folder's files by name, size, time and inode.
    case fileIndex = "file_index"
    /// The cut-off date of the last retention pass and how many cases it removed.
    case retention
    /// The last publication (figures, their true cell values, audit, as-of day), which the
    /// next night's disclosure control keeps consistent with.
    case publication

    /// Its key in the store's `meta` table.
    var metaKey: String { "run_state." + rawValue }
}
