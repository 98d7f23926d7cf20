import ArgumentParser
import Foundation
import Pipeline

/// `saksgang extract`: a k-anonymous, case-level research extract of a pipeline's state store,
/// with its k-anonymity check and codebook beside it (docs/extract.md).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write a k-anonymous research extract (one row per case, no dates) of the state store.",
        discussion: """
            Writes FILE.csv, FILE.kanonymity.json (the k-anonymity check: k = the pipeline's threshold, \
            quasi-identifiers, classes, generalisations, suppressed records) and FILE.codebook.md.

            Exit codes: 0 written; \(ExitStatus.didNotRun.rawValue) not written (configuration, no store, lock, \
            or the extract could not be written).
            """)

    @Argument(help: "The pipeline file.")
    var pipeline: String = "Pipelines/demo.yml"

    @Option(help: "The state folder with the store (overrides the pipeline file).") var state: String?
    @Option(help: "The extract's CSV file; the check and codebook are written beside it.") var output: String
    @Flag(help: "Wait for a run holding the lock instead of stopping.") var wait = false

    func run() throws {
        guard output.hasSuffix(".csv") else { throw ValidationError("--output must name a .csv file") }
        let summary: ResearchExtractRun.Summary
        do {
            let loaded = try LoadedPipeline.load(path: pipeline, overrides: .init(state: state))
            summary = try ResearchExtractRun(pipeline: loaded).write(to: LoadedPipelineAbsolute.path(output), wait: wait)
        } catch {
            FileHandle.standardError.write(Data("saksgang: extract not written: \(error)\n".utf8))
            throw ExitCode(ExitStatus.didNotRun.rawValue)
        }
        if isatty(STDOUT_FILENO) != 0 {
            print("Extract: \(output): \(summary.rows) rows of \(summary.cases) cases, \(summary.recordsSuppressed) suppressed; "
                + "\(summary.equivalenceClasses) classes, the smallest \(summary.smallestClass)")
        }
    }
}
