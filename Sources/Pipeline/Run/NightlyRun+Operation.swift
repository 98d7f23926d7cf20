import Foundation
import SaksgangCore
import Store

extension NightlyRun {
    /// How far a run got.
    public enum Phase: String, Sendable {
        /// Configuration, lock, key and store checks: nothing changed yet.
        case checks
        /// Files are being stored, one transaction each.
        case storing
        /// Measuring and writing the reports.
        case publishing
    }

    /// What a run came to, for the operator (the CLI gives each its exit code).
    public enum RunResult: String, Sendable, CaseIterable {
        /// Every record of every new file was stored, and the reports published.
        case allStored = "all_stored"
        /// Published, but files or records were quarantined.
        case quarantined
        /// Stopped before storing anything: configuration, mapping, key or lock.
        case didNotRun = "did_not_run"
        /// Files may have been stored, but the reports were not published (disk full, say).
        case notPublished = "not_published"
    }

    /// Files done of the night's total, records read and bytes of the files read, since `started`.
    public struct Progress: Sendable {
        public var filesDone: Int
        public var filesTotal: Int
        public var records: Int
        public var bytes: Int64
        public var started: Date

        mutating func advance(by outcome: FileOutcome) {
            filesDone += 1
            if outcome.status == .ingested {
                records += outcome.records
                bytes += outcome.bytes
            }
        }

        /// MB/s of the files read so far.
        public var megabytesPerSecond: Double {
            let seconds = Date().timeIntervalSince(started)
            return seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
        }
    }

    var resolvedMetricsPath: String { metricsPath ?? pipeline.metricsPath ?? pipeline.stateDirectory + "/saksgang.prom" }

    func writeMetrics(result: RunResult, files: [FileOutcome], casesInStore: Int?, started: Date) {
        MetricsFile.write(to: resolvedMetricsPath, pipeline: pipeline.config.name, result: result,
                          exitCode: exitCode?(result), files: files, casesInStore: casesInStore,
                          duration: Date().timeIntervalSince(started))
    }

    /// `internal/quarantine.jsonl`: for each input file in name order, the entries kept when it was
    /// stored (tonight or on an earlier night), or tonight's entry for a file refused whole.
    func quarantineFile(outcomes: [FileOutcome], tonight: QuarantineLog, store: any CaseStore) throws(SaksgangError) -> Data {
        let archive = QuarantineArchive(stateDirectory: pipeline.stateDirectory)
        let stored = try store.ingestedFiles()
        archive.prune(keeping: Set(stored.map(\.hash)))
        var byFile: [String: [QuarantineLog.Entry]] = [:]
        for e in tonight.entries { byFile[e.file, default: []].append(e) }
        var data = Data()
        for o in outcomes {
            switch o.status {
            case .ingested, .skipped:
                data.append(archive.load(hash: o.hash))
            case .quarantined:
                var one = QuarantineLog()
                one.entries = byFile[o.name] ?? []
                data.append(one.encoded())
            case .unmatched:
                break
            }
        }
        return data
    }
}
