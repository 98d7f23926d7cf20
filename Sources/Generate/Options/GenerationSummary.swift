/// What a run wrote.
public struct GenerationSummary: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var name: String
        public var format: ExportFormat
        public var municipality: String
        public var style: FileStyle
        /// SMX `Sak` elements or SMC rows.
        public var records: Int
        public var bytes: Int64
        public var uncompressedBytes: Int64
        public var gzipMembers: Int
    }

    public var cases: Int
    public var files: [File]
    /// Bytes of all exports on disk (truth.json not included).
    public var bytes: Int64
    public var truthBytes: Int64
    /// Characters that could not be encoded in a file's encoding (expected 0).
    public var unencodableCharacters: Int
}
