import Foundation
import SaksgangCore

/// Everything a generation run depends on. The same options give the same bytes.
public struct GeneratorOptions: Sendable {
    /// Number of cases (each case is one pupil's case at one school; a case delivered by
    /// both formats or in several deltas still counts once).
    public var cases: Int
    public var seed: UInt64
    public var outputDirectory: URL
    public var formats: Set<ExportFormat>
    /// The date of the last export (SMX snapshots and the last SMC delta), Europe/Oslo.
    public var exportDate: LocalDate
    public var effects: Effects
    /// Share of cases with a planted data-quality fault (missing knowledge time, an event
    /// dated before knowledge).
    public var faultShare: Double
    /// Number of SMC deltas per municipality, the last on `exportDate`.
    public var smcDeltas: Int
    /// Days between SMC deltas.
    public var deltaSpacingDays: Int
    /// Write the per-case list and the personal values into truth.json. Off for very large
    /// runs: the de-duplication of personal values keeps a hash per distinct value.
    public var truthCases: Bool
    /// zlib compression level for gzip files (1 fast … 9 small).
    public var gzipLevel: Int32

    public init(cases: Int, seed: UInt64, outputDirectory: URL, formats: Set<ExportFormat> = [.smx, .smc],
                exportDate: LocalDate = GeneratorOptions.defaultExportDate, effects: Effects = .default,
                faultShare: Double = 0.01, smcDeltas: Int = 3, deltaSpacingDays: Int = 7,
                truthCases: Bool = true, gzipLevel: Int32 = 1) {
        self.cases = cases
        self.seed = seed
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.exportDate = exportDate
        self.effects = effects
        self.faultShare = faultShare
        self.smcDeltas = smcDeltas
        self.deltaSpacingDays = deltaSpacingDays
        self.truthCases = truthCases
        self.gzipLevel = gzipLevel
    }

    /// A fixed default, never today's date: runs must be reproducible.
    public static let defaultExportDate = LocalDate(year: 2025, month: 6, day: 20)!

    /// Parses `yyyy-mm-dd`.
    public static func parseDate(_ text: String) -> LocalDate? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    func validate() throws(SaksgangError) {
        guard cases >= 0 else { throw SaksgangError(.configuration, "cases must not be negative", at: .init(field: "cases")) }
        guard !formats.isEmpty else { throw SaksgangError(.configuration, "no format chosen", at: .init(field: "formats")) }
        guard (0...0.5).contains(faultShare) else {
            throw SaksgangError(.configuration, "fault share must be between 0 and 0.5", at: .init(field: "fault_share"))
        }
        guard (1...10).contains(smcDeltas), (1...60).contains(deltaSpacingDays) else {
            throw SaksgangError(.configuration, "1–10 deltas, 1–60 days apart", at: .init(field: "smc_deltas"))
        }
        guard (1...9).contains(gzipLevel) else {
            throw SaksgangError(.configuration, "gzip level must be 1–9", at: .init(field: "gzip_level"))
        }
        guard (2000...2100).contains(exportDate.year) else {
            throw SaksgangError(.configuration, "export date out of range", at: .init(field: "export_date"))
        }
        try effects.validate(file: "effects")
    }
}
