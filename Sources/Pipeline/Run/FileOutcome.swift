import SaksgangCore

/// What happened to one input file in a run. Counts reconcile:
/// records = inserted + updated + duplicates + quarantined.
public struct FileOutcome: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        /// Read and committed.
        case ingested
        /// Same content hash as a file ingested before: not read again.
        case skipped
        /// Damaged as a whole (truncated, malformed, wrong shape): nothing from it was stored.
        case quarantined
        /// No mapping reads files of this name.
        case unmatched
    }

    public var name: String
    public var format: String?
    public var hash: String
    public var bytes: Int64
    public var status: Status
    public var reason: String?
    /// The identity of the mapping version that read (or would read) the file.
    public var mappingHash: String?
    public var records = 0
    public var inserted = 0
    public var updated = 0
    public var duplicates = 0
    public var quarantined = 0
    /// Records stored with a data-quality note (an event before knowledge, say).
    public var warnings = 0

    public var reconciles: Bool { records == inserted + updated + duplicates + quarantined }
}
