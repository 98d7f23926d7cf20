import Foundation
import Ingest
import Measure
import Publish
import SaksgangCore
import Store
import Yams

/// Reads a pipeline file and its mapping files, resolves paths, and checks everything that
/// can be checked before a single export is opened.
public struct LoadedPipeline: Sendable {
    public var config: PipelineConfig
    /// SHA-256 of the pipeline file (in the manifest).
    public var fileHash: String
    public var inputDirectory: String
    public var outputDirectory: String
    public var stateDirectory: String
    /// The PostgreSQL store, when the pipeline file or `--store` names one.
    public var storeAddress: PostgresAddress?
    public var keyPath: String
    public var mappings: [CompiledMapping]
    public var threshold: Int
    public var limits: DecompressionLimits
    /// The correction for multiple testing of the comparisons.
    public var correction: Figure.Correction
    /// Whether secondary suppression ends in the whole program of the interval attack.
    public var wholeProgram = false
    /// How often the published figures are renewed.
    public var publishEvery: PublicationPeriod = .week
    /// Quarantine entries listed per file and reason before the rest are summarised.
    public var quarantineCap = 1_000
    /// The metrics file, when the pipeline file names one.
    public var metricsPath: String?
    /// Closed cases older than this many days (before the night's as-of date) are removed
    /// from the store; nil keeps every case.
    public var retentionDays: Int?
    /// The school calendars of `calendars` (empty when the key is absent).
    public var schoolCalendars = SchoolCalendars()
    /// The state store: the PostgreSQL database when named, else the state folder's SQLite file.
    public var store: StoreLocation { storeAddress.map { .postgres($0) } ?? .sqlite(stateDirectory: stateDirectory) }
    /// The clock: working days, and school days from the school calendars.
    public var clock: ResponseClock { ResponseClock(schoolCalendars: schoolCalendars) }

    /// Command-line overrides of the file's paths.
    public struct Overrides: Sendable {
        public var input: String?
        public var output: String?
        public var state: String?
        public var key: String?
        /// A PostgreSQL URL for the store.
        public var store: String?
        public init(input: String? = nil, output: String? = nil, state: String? = nil, key: String? = nil,
                    store: String? = nil) {
            self.input = input
            self.output = output
            self.state = state
            self.key = key
            self.store = store
        }
    }

    public static func load(path: String, overrides: Overrides = Overrides()) throws(SaksgangError) -> LoadedPipeline {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SaksgangError(.configuration, "cannot read the pipeline file", at: .init(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SaksgangError(.configuration, "the pipeline file is not UTF-8 text", at: .init(file: path))
        }
        try PipelineFileCheck.check(yaml: text, file: path)
        let config: PipelineConfig
        do { config = try YAMLDecoder().decode(PipelineConfig.self, from: data) } catch {
            throw SaksgangError(.configuration, "the pipeline file is not valid: \(ConfigurationDecoding.describe(error))", at: .init(file: path))
        }
        let base = url.deletingLastPathComponent()
        func resolve(_ p: String) -> String {
            let expanded = (p as NSString).expandingTildeInPath
            return expanded.hasPrefix("/") ? expanded : base.appendingPathComponent(expanded).standardizedFileURL.path
        }
        var mappings: [CompiledMapping] = []
        for m in config.mappings {
            mappings.append(try CompiledMapping(contentsOfFile: resolve(m)))
        }
        let threshold = config.threshold ?? 5
        guard threshold >= 2 else {
            throw SaksgangError(.configuration, "threshold must be at least 2", at: .init(file: path, field: "threshold"))
        }
        guard let correction = Figure.Correction(rawValue: config.correction ?? Figure.Correction.holm.rawValue) else {
            throw SaksgangError(.configuration, "correction must be holm or benjamini-hochberg", at: .init(file: path, field: "correction"))
        }
        let program = config.disclosureProgram ?? "relaxed"
        guard ["relaxed", "whole"].contains(program) else {
            throw SaksgangError(.configuration, "disclosure_program must be relaxed or whole", at: .init(file: path, field: "disclosure_program"))
        }
        var limits = DecompressionLimits.standard
        if let mib = config.limits?.maxDecompressedMiB { limits.maxOutputBytes = Int64(mib) << 20 }
        if let ratio = config.limits?.maxRatio { limits.maxRatio = ratio }
        var loaded = LoadedPipeline(
            config: config, fileHash: FileHash.sha256(data: data),
            inputDirectory: overrides.input.map { absolute($0) } ?? resolve(config.input),
            outputDirectory: overrides.output.map { absolute($0) } ?? resolve(config.output),
            stateDirectory: overrides.state.map { absolute($0) } ?? resolve(config.state),
            keyPath: overrides.key.map { absolute($0) } ?? resolve(config.key),
            mappings: mappings, threshold: threshold, limits: limits, correction: correction)
        loaded.wholeProgram = program == "whole"
        if let cap = config.limits?.maxQuarantineEntries {
            guard cap >= 1 else {
                throw SaksgangError(.configuration, "limits.max_quarantine_entries must be at least 1",
                                    at: .init(file: path, field: "limits.max_quarantine_entries"))
            }
            loaded.quarantineCap = cap
        }
        if let every = config.publishEvery {
            guard let period = PublicationPeriod(rawValue: every) else {
                throw SaksgangError(.configuration, "publish_every must be night, week or month", at: .init(file: path, field: "publish_every"))
            }
            loaded.publishEvery = period
        }
        loaded.metricsPath = config.metrics.map(resolve)
        if let text = overrides.store ?? config.store {
            // The text may hold a password: it is not repeated.
            guard let address = PostgresAddress(text) else {
                throw SaksgangError(.configuration, "store must be a PostgreSQL URL, postgresql://USER@HOST:PORT/DB (or left out "
                                    + "for the SQLite file in the state folder)",
                                    at: .init(file: overrides.store == nil ? path : nil, field: "store"))
            }
            loaded.storeAddress = address
        }
        if let days = config.retention?.closedCasesDays {
            guard days >= 1 else {
                throw SaksgangError(.configuration, "retention.closed_cases_days must be at least 1",
                                    at: .init(file: path, field: "retention.closed_cases_days"))
            }
            loaded.retentionDays = days
        }
        if let folder = config.calendars {
            loaded.schoolCalendars = try SchoolCalendarFiles.load(directory: resolve(folder))
        }
        return loaded
    }

    static func absolute(_ p: String) -> String {
        let expanded = (p as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(expanded).standardizedFileURL.path
    }

}
