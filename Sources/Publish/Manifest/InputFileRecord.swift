/// One input file in the run manifest: its identity (name, hash, size), what became of it,
/// and whether its counts reconcile (operations.md "Nothing lost").
public struct InputFileRecord: Sendable, Equatable, Codable {
    /// What the run did with the file.
    public enum Status: String, Sendable, Codable {
        /// Read; its records were stored, updated, found duplicate or quarantined.
        case ingested
        /// Already ingested in an earlier run (same content hash).
        case skipped
        /// Refused as a whole (damaged, wrong encoding, …); `reason` says why.
        case quarantined
    }

    public var name: String
    public var sha256: String
    public var bytes: Int64
    public var format: String
    public var status: Status
    /// The reason code when the file was quarantined as a whole.
    public var reason: String?
    public var records: Int
    public var inserted: Int
    public var updated: Int
    public var duplicates: Int
    public var quarantined: Int
    /// SHA-256 identity of the mapping version that read the file (`mapping_sha256`): a
    /// reading is (file hash, mapping hash).
    public var mappingSHA256: String?
    /// The counts and the size are withheld by disclosure control (a count from 1 to k−1
    /// among them): written as null, with the reconciliation flag of the true counts.
    public var countsWithheld = false
    /// The flag read back from a manifest whose counts were withheld (nothing to recompute).
    private var reconciledAsRead: Bool?

    public init(name: String, sha256: String, bytes: Int64, format: String, status: Status,
                reason: String? = nil, records: Int = 0, inserted: Int = 0, updated: Int = 0,
                duplicates: Int = 0, quarantined: Int = 0) {
        self.name = name
        self.sha256 = sha256
        self.bytes = bytes
        self.format = format
        self.status = status
        self.reason = reason
        self.records = records
        self.inserted = inserted
        self.updated = updated
        self.duplicates = duplicates
        self.quarantined = quarantined
    }

    /// Every record read is accounted for: records = inserted + updated + duplicates +
    /// quarantined. Written to the manifest, recomputed (never trusted) when read back.
    public var reconciled: Bool { reconciledAsRead ?? (records == inserted + updated + duplicates + quarantined) }

    enum CodingKeys: String, CodingKey {
        case name, sha256, bytes, format, status, reason, records, inserted, updated, duplicates
        case quarantined, reconciled
        case mappingSHA256 = "mapping_sha256"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let records = try c.decodeIfPresent(Int.self, forKey: .records)
        self.init(name: try c.decode(String.self, forKey: .name),
                  sha256: try c.decode(String.self, forKey: .sha256),
                  bytes: try c.decodeIfPresent(Int64.self, forKey: .bytes) ?? 0,
                  format: try c.decode(String.self, forKey: .format),
                  status: try c.decode(Status.self, forKey: .status),
                  reason: try c.decodeIfPresent(String.self, forKey: .reason),
                  records: records ?? 0,
                  inserted: try c.decodeIfPresent(Int.self, forKey: .inserted) ?? 0,
                  updated: try c.decodeIfPresent(Int.self, forKey: .updated) ?? 0,
                  duplicates: try c.decodeIfPresent(Int.self, forKey: .duplicates) ?? 0,
                  quarantined: try c.decodeIfPresent(Int.self, forKey: .quarantined) ?? 0)
        mappingSHA256 = try c.decodeIfPresent(String.self, forKey: .mappingSHA256)
        if records == nil {
            countsWithheld = true
            reconciledAsRead = try c.decode(Bool.self, forKey: .reconciled)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(countsWithheld ? nil : bytes, forKey: .bytes)
        try c.encode(format, forKey: .format)
        try c.encode(status, forKey: .status)
        try c.encode(reason, forKey: .reason)
        for (count, key) in [(records, CodingKeys.records), (inserted, .inserted), (updated, .updated),
                             (duplicates, .duplicates), (quarantined, .quarantined)] {
            try c.encode(countsWithheld ? nil : count, forKey: key)
        }
        try c.encode(reconciled, forKey: .reconciled)
        try c.encodeIfPresent(mappingSHA256, forKey: .mappingSHA256)
    }
}
