import Measure

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
    /// The metrics file (Prometheus textfile); default `<state>/saksgang.prom`.
    public var metrics: String?
    /// The state store: a PostgreSQL URL (`postgresql://USER@HOST:PORT/DB`) for a store shared
    /// by several machines; left out, `store.sqlite` in the state folder.
    public var store: String?
    /// How long closed cases are kept in the store.
    public var retention: RetentionConfig?

    /// The keys of a pipeline file; any other key is an error (`PipelineFileCheck`).
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, input, output, state, key, mappings, threshold, language, targets, limits, calendars, correction, metrics
        case store, retention
        case publishEvery = "publish_every"
        case disclosureProgram = "disclosure_program"
    }

    /// `holm` (default) or `benjamini-hochberg`: the correction for multiple testing of the
    /// comparisons between groups, one family per report.
    public var correction: String?

    /// `week` (default), `month` or `night`: how often the published figures are renewed
    /// (docs/disclosure.md, "Across nights").
    public var publishEvery: String?

    /// `relaxed` (default) or `whole`: the program secondary suppression ends in
    /// (docs/disclosure.md, "Limits"): `whole` closes the gap the relaxed program leaves, at
    /// minutes (41 schools) to far longer (90 schools) of the night.
    public var disclosureProgram: String?

    /// Local targets; a target left out keeps its default.
    public struct TargetsConfig: Codable, Sendable, Equatable {
        public var firstContactWorkingDays: Int?
        public var firstMeetingWorkingDays: Int?
        public var investigationWorkingDays: Int?
        public var activityPlanSchoolDays: Int?
        public var ownerNoticeWorkingDays: Int?
        public var contactGapSchoolDays: Int?
        enum CodingKeys: String, CodingKey, CaseIterable {
            case firstContactWorkingDays = "first_contact_working_days", firstMeetingWorkingDays = "first_meeting_working_days"
            case investigationWorkingDays = "investigation_working_days", activityPlanSchoolDays = "activity_plan_school_days"
            case ownerNoticeWorkingDays = "owner_notice_working_days", contactGapSchoolDays = "contact_gap_school_days"
        }

        /// The targets, defaults where the file says nothing.
        var targets: Targets {
            let d = Targets()
            return Targets(firstContactWorkingDays: firstContactWorkingDays ?? d.firstContactWorkingDays,
                           firstMeetingWorkingDays: firstMeetingWorkingDays ?? d.firstMeetingWorkingDays,
                           investigationWorkingDays: investigationWorkingDays ?? d.investigationWorkingDays,
                           activityPlanSchoolDays: activityPlanSchoolDays ?? d.activityPlanSchoolDays,
                           ownerNoticeWorkingDays: ownerNoticeWorkingDays ?? d.ownerNoticeWorkingDays,
                           contactGapSchoolDays: contactGapSchoolDays ?? d.contactGapSchoolDays)
        }
    }

    public struct RetentionConfig: Codable, Sendable, Equatable {
        /// A case closed more than this many days before the night's as-of date is removed
        /// from the store.
        public var closedCasesDays: Int?
        enum CodingKeys: String, CodingKey, CaseIterable {
            case closedCasesDays = "closed_cases_days"
        }
    }

    public struct LimitsConfig: Codable, Sendable, Equatable {
        /// Largest decompressed size of one file, in MiB.
        public var maxDecompressedMiB: Int?
        /// Largest ratio of decompressed to compressed bytes.
        public var maxRatio: Int?
        /// Quarantine entries listed one by one per file and reason; the rest are counted.
        public var maxQuarantineEntries: Int?
        enum CodingKeys: String, CodingKey, CaseIterable {
            case maxDecompressedMiB = "max_decompressed_mib", maxRatio = "max_ratio"
            case maxQuarantineEntries = "max_quarantine_entries"
        }
    }
}
