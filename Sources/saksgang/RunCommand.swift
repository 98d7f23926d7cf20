import ArgumentParser
import Foundation
import Logging
import Pipeline
import SaksgangCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a pipeline over the export folder: ingest new files, rebuild the reports.")

    @Argument(help: "The pipeline file.")
    var pipeline: String = "Pipelines/demo.yml"

    @Option(help: "The export folder (overrides the pipeline file).") var input: String?
    @Option(help: "The report folder (overrides the pipeline file).") var output: String?
    @Option(help: "The state folder: store, lock, logs (overrides the pipeline file).") var state: String?
    @Option(help: "The key file (overrides the pipeline file).") var key: String?
    @Flag(help: "Wait for another run holding the lock instead of stopping.") var wait = false
    @Option(help: "Log level: trace, debug, info, notice, warning, error.") var logLevel: String = "info"
    @Flag(help: "Only errors on standard error (the log file still gets everything).") var quiet = false

    func run() throws {
        let loaded: LoadedPipeline
        do {
            loaded = try LoadedPipeline.load(path: pipeline, overrides: .init(input: input, output: output, state: state, key: key))
        } catch {
            Self.fail(error)
        }
        let logger = Logging.bootstrap(logFile: loaded.stateDirectory + "/logs/saksgang.log",
                                       level: Logger.Level(rawValue: logLevel) ?? .info, quiet: quiet)
        let outcome: NightlyRun.Outcome
        do {
            outcome = try NightlyRun(pipeline: loaded, logger: logger, wait: wait, programVersion: Saksgang.version).run()
        } catch {
            logger.error("run did not complete", metadata: ["code": "\(error.code)", "problem": "\(error.message)"])
            Self.fail(error)
        }
        let report = outcome.outputDirectory + "/report.html"
        if isatty(STDOUT_FILENO) != 0 || !quiet {
            print("Report: \(report)")
        }
        if !outcome.allStored {
            print("Quarantined: \(outcome.quarantinedFiles) file(s), \(outcome.quarantinedRecords) record(s); see \(outcome.outputDirectory)/quarantine.jsonl")
            throw ExitCode(ExitStatus.quarantined.rawValue)
        }
    }

    static func fail(_ error: SaksgangError) -> Never {
        FileHandle.standardError.write(Data("saksgang: did not run: \(error)\n".utf8))
        Foundation.exit(ExitStatus.didNotRun.rawValue)
    }
}
