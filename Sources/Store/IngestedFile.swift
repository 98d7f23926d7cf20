import SaksgangCore

/// A file the pipeline has ingested, recorded with its counts in the same transaction as
/// its cases. Only public facts: the content hash, the file name without its directory, sizes
/// and counts.
public struct IngestedFile: Hashable, Sendable, Codable {
    /// SHA-256 of the file's bytes as read (before decompression), lower-case hex.
    public var hash: String
    /// The file name only, e.g. `smx_4601_20250620.xml.gz`.
    public var name: String
    public var bytes: Int64
    /// The mapping (vendor format) that read it.
    public var format: String
    /// Records read; read = inserted + updated + duplicates + quarantined in the manifest.
    public var records: Int
    public var inserted: Int
    public var updated: Int
    public var duplicates: Int
    public var quarantined: Int
    /// When the run ingested it (given by the caller, so runs stay reproducible).
    public var ingestedAt: Timestamp
    /// The identity (SHA-256) of the mapping version that read it. A reading is the pair
    /// (file hash, mapping hash): when the mapping changes, what it read is read again.
    /// Empty for files recorded before mapping hashes were kept.
    public var mappingHash: String

    public init(hash: String, name: String, bytes: Int64, format: String, records: Int, inserted: Int,
                updated: Int, duplicates: Int, quarantined: Int, ingestedAt: Timestamp, mappingHash: String = "") {
        self.hash = hash
        self.name = name
        self.bytes = bytes
        self.format = format
        self.records = records
        self.inserted = inserted
        self.updated = updated
        self.duplicates = duplicates
        self.quarantined = quarantined
        self.ingestedAt = ingestedAt
        self.mappingHash = mappingHash
    }
}
