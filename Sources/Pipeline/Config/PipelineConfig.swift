/// A pipeline file (`Pipelines/<name>.yml`): where exports arrive, which mappings read them,
/// where the key and the state store are, the targets, the disclosure threshold and where
/// reports go (operations.md). Relative paths are relative to the pipeline file.
public struct PipelineConfig: Codable, Sendable, Equatable {
    public var name: String
    public var input: String
    public var output: String
    public var state: String
    public var key: String
    /// Mapping files, one per vendor format.
    public var mappings: [String]
    /// Disclosure threshold k: no figure from 1 to k−1 cases is published.
    public var threshold: Int?
    /// `nb` (default) or `en`.
    public var language: String?
    public var targets: TargetsConfig?
    public var limits: LimitsConfig?
    /// The school calendars folder (`<kommunenummer>-<YYYY>-<YYYY+1>.yml` files); without it
    /// no school-day figure is published.
    public var calendars: String?

    public struct TargetsConfig: Codable, Sendable, Equatable {
        public var firstContactWorkingDays: Int?
        enum CodingKeys: String, CodingKey { case firstContactWorkingDays = "first_contact_working_days" }
    }

    public struct LimitsConfig: Codable, Sendable, Equatable {
        /// Largest decompressed size of one file, in MiB.
        public var maxDecompressedMiB: Int?
        /// Largest ratio of decompressed to compressed bytes.
        public var maxRatio: Int?
        enum CodingKeys: String, CodingKey {
            case maxDecompressedMiB = "max_decompressed_mib", maxRatio = "max_ratio"
        }
    }
}
