import ArgumentParser
import Foundation
import Logging
import Pipeline
import SaksgangCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a pipeline over the export folder: ingest new files, rebuild the reports.",
        discussion: """
            Exit codes:
              0  every record of every new file was stored and the reports were published
              \(ExitStatus.quarantined.rawValue)  published, but files or records were quarantined (see internal/quarantine.jsonl)
              \(ExitStatus.didNotRun.rawValue)  did not run: configuration, mapping, key, store or lock problem; nothing was stored
              \(ExitStatus.notPublished.rawValue)  stored, not published: files may have been stored, but the reports were not \
            written (disk full, say); the previous reports are intact, and the next run publishes

            A successful run that is not on a terminal prints nothing (so cron mails nothing); on a \
            terminal it shows progress on standard error and prints where the report is. Every run writes \
            the metrics file (Prometheus textfile, with saksgang_last_exit_code).

            The state store is store.sqlite in the state folder unless the pipeline file's `store:` or \
            --store names a PostgreSQL database (postgresql://USER@HOST:PORT/DB; put a password in \
            ~/.pgpass or PGPASSWORD, not in the URL). One run at a time per store: a lock file beside \
            the SQLite file, a PostgreSQL advisory lock on a shared database; a second run exits \(ExitStatus.didNotRun.rawValue) \
            (or waits, with --wait).
            """)

    @Argument(help: "The pipeline file.")
    var pipeline: String = "Pipelines/demo.yml"

    @Option(help: "The export folder (overrides the pipeline file).") var input: String?
    @Option(help: "The report folder (overrides the pipeline file).") var output: String?
    @Option(help: "The state folder: store, lock, logs (overrides the pipeline file).") var state: String?
    @Option(help: "The key file (overrides the pipeline file).") var key: String?
    @Option(help: "The state store as a PostgreSQL URL, postgresql://USER@HOST:PORT/DB (overrides the pipeline file's store; default: store.sqlite in the state folder).")
    var store: String?
    @Option(help: "The metrics file, Prometheus textfile format (default: the pipeline's `metrics`, else <state>/saksgang.prom).")
    var metricsFile: String?
    @Flag(help: "Wait for another run holding the lock instead of stopping.") var wait = false
    @Option(help: "Log level: trace, debug, info, notice, warning, error.") var logLevel: String = "info"
    @Option(help: "Log line format: logfmt or json.") var logFormat: String = "logfmt"
    @Flag(help: "Only errors on standard error (the log file still gets everything).") var quiet = false

    func run() throws {
        let started = Date()
        guard let format = Logging.Format(rawValue: logFormat) else {
            throw ValidationError("--log-format must be logfmt or json")
        }
        let loaded: LoadedPipeline
        do {
            loaded = try LoadedPipeline.load(path: pipeline, overrides: .init(input: input, output: output, state: state, key: key, store: store))
        } catch {
            // No pipeline to name the metrics file: use --metrics-file or --state when given.
            if let path = metricsFile.map(LoadedPipelineAbsolute.path) ?? state.map({ LoadedPipelineAbsolute.path($0) + "/saksgang.prom" }) {
                MetricsFile.write(to: path, pipeline: ((pipeline as NSString).lastPathComponent as NSString).deletingPathExtension,
                                  result: .didNotRun, exitCode: ExitStatus.didNotRun.rawValue, files: [], casesInStore: nil,
                                  duration: Date().timeIntervalSince(started))
            }
            throw Self.failure(error)
        }
        let logger = Logging.bootstrap(logFile: loaded.stateDirectory + "/logs/saksgang.log",
                                       level: Logger.Level(rawValue: logLevel) ?? .info, quiet: quiet, format: format)
        let runner = NightlyRun(pipeline: loaded, logger: logger, wait: wait, programVersion: Saksgang.version)
        runner.exitCode = { ExitStatus($0).rawValue }
        if let metricsFile { runner.metricsPath = LoadedPipelineAbsolute.path(metricsFile) }
        let display = ProgressDisplay.onTerminal(quiet: quiet)
        if let display { runner.progress = { display.show($0) } }
        let outcome: NightlyRun.Outcome
        do {
            outcome = try runner.run()
            display?.finish()
        } catch {
            display?.finish()
            let status = ExitStatus(runner.phase == .checks ? .didNotRun : .notPublished)
            logger.error(status == .didNotRun ? "run did not complete" : "files stored, reports not published",
                         metadata: ["code": "\(error.code)", "problem": "\(error.message)"])
            throw Self.failure(error, status: status)
        }
        let report = outcome.outputDirectory + "/report.html"
        if isatty(STDOUT_FILENO) != 0 {
            print("Report: \(report)")
        }
        if !outcome.allStored {
            FileHandle.standardError.write(Data(("saksgang: quarantined: \(outcome.quarantinedFiles) file(s), \(outcome.quarantinedRecords) "
                + "record(s); see \(outcome.outputDirectory)/internal/quarantine.jsonl\n").utf8))
            throw ExitCode(ExitStatus.quarantined.rawValue)
        }
    }

    /// Says why on standard error and gives the exit code to throw.
    static func failure(_ error: SaksgangError, status: ExitStatus = .didNotRun) -> ExitCode {
        let what = status == .notPublished ? "stored, not published" : "did not run"
        FileHandle.standardError.write(Data("saksgang: \(what): \(error)\n".utf8))
        return ExitCode(status.rawValue)
    }
}

/// Relative paths on the command line are relative to the working directory.
enum LoadedPipelineAbsolute {
    static func path(_ p: String) -> String {
        let expanded = (p as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(expanded).standardizedFileURL.path
    }
}

/// One line on standard error, redrawn after each file, when a person watches a terminal:
/// files done of the total, records read, MB/s. Off under cron, with --quiet, and when
/// standard error is not a terminal.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private var shown = false

    static func onTerminal(quiet: Bool) -> ProgressDisplay? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressDisplay()
    }

    func show(_ p: NightlyRun.Progress) {
        let line = String(format: "\r\u{1B}[2Kfiles %d/%d  records %d  %.1f MB/s", p.filesDone, p.filesTotal, p.records,
                          p.megabytesPerSecond)
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
        shown = false
    }
}
