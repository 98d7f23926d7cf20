import ArgumentParser
import Foundation
import Generate

/// `saksgang generate`: writes synthetic SMX snapshots and SMC deltas with planted effects and
/// a truth.json beside them (issue 3). Parsing only; the work is in the Generate library.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic vendor exports (SMX, SMC) and truth.json; same arguments, same bytes.")

    @Option(help: "Number of cases.")
    var cases: Int

    @Option(help: "Seed of the deterministic random source.")
    var seed: UInt64

    @Option(help: "Directory for the exports and truth.json (created if missing).")
    var output: String

    @Option(help: "Formats to write, comma-separated: smx, smc.")
    var formats: String = "smx,smc"

    @Option(help: "Date of the last export, yyyy-mm-dd (default 2025-06-20).")
    var export: String?

    @Option(help: "Planted effects (JSON). Default: the built-in values of Fixtures/effects/default.json.")
    var effects: String?

    @Option(help: "Share of cases with a planted data-quality fault.")
    var faultShare: Double = 0.01

    @Flag(help: "Leave the per-case list and personal values out of truth.json (large runs).")
    var noTruthCases = false

    func run() throws {
        var chosen = Set<ExportFormat>()
        for name in formats.split(separator: ",") {
            guard let f = ExportFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("unknown format in --formats (use smx, smc)")
            }
            chosen.insert(f)
        }
        var exportDate = GeneratorOptions.defaultExportDate
        if let export {
            guard let d = GeneratorOptions.parseDate(export) else { throw ValidationError("--export must be yyyy-mm-dd") }
            exportDate = d
        }
        let planted = try effects.map { try Effects.load(from: URL(fileURLWithPath: $0)) } ?? .default
        let options = GeneratorOptions(cases: cases, seed: seed, outputDirectory: URL(fileURLWithPath: output),
                                       formats: chosen, exportDate: exportDate, effects: planted,
                                       faultShare: faultShare, truthCases: !noTruthCases)
        let summary = try ExportGenerator(options: options).run()
        print("generated \(summary.cases) cases in \(summary.files.count) files (\(summary.bytes) bytes), truth.json \(summary.truthBytes) bytes")
    }
}
