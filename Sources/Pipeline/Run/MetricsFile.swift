import Foundation

/// The run's figures for the monitoring the municipality already has: the Prometheus
/// node-exporter textfile format, written on every run (failed ones too) to
/// `<state>/saksgang.prom` or the path the pipeline file (`metrics:`) or `--metrics-file`
/// names (point the collector's textfile directory at it). A failed run keeps the previous
/// success time, so an alert can fire on `saksgang_last_exit_code != 0` at once and on an
/// old success time.
public enum MetricsFile {
    public static func write(to path: String, pipeline: String, result: NightlyRun.RunResult?, exitCode: Int32?,
                             files: [FileOutcome], casesInStore: Int?, duration: Double) {
        let label = "pipeline=\"\(escape(pipeline))\""
        let now = Int(Date().timeIntervalSince1970)
        let succeeded = result == .allStored || result == .quarantined
        let lastSuccess = succeeded ? now : previousSuccess(path: path, label: label)
        var lines: [String] = []
        if let exitCode {
            lines += ["# HELP saksgang_last_exit_code The exit code of the last run (see saksgang run --help).",
                      "# TYPE saksgang_last_exit_code gauge",
                      "saksgang_last_exit_code{\(label)} \(exitCode)"]
        }
        if let result {
            lines += ["# HELP saksgang_last_result The result of the last run (1 for the result it had).",
                      "# TYPE saksgang_last_result gauge"]
            lines += NightlyRun.RunResult.allCases.map { "saksgang_last_result{\(label),result=\"\($0.rawValue)\"} \($0 == result ? 1 : 0)" }
        }
        lines += [
            "# HELP saksgang_last_run_timestamp_seconds When the last run finished, whatever its result.",
            "# TYPE saksgang_last_run_timestamp_seconds gauge",
            "saksgang_last_run_timestamp_seconds{\(label)} \(now)",
        ]
        if let lastSuccess {
            lines += [
                "# HELP saksgang_last_success_timestamp_seconds When the last run that published finished.",
                "# TYPE saksgang_last_success_timestamp_seconds gauge",
                "saksgang_last_success_timestamp_seconds{\(label)} \(lastSuccess)",
            ]
        }
        let records = files.reduce(0) { $0 + $1.records }
        let quarantined = files.reduce(0) { $0 + $1.quarantined }
        lines += [
            "# HELP saksgang_run_duration_seconds How long the last run took.",
            "# TYPE saksgang_run_duration_seconds gauge",
            "saksgang_run_duration_seconds{\(label)} \(String(format: "%.3f", duration))",
            "# HELP saksgang_files Files in the export folder by what the last run did with them.",
            "# TYPE saksgang_files gauge",
        ] + FileOutcome.Status.allCases.map { status in
            "saksgang_files{\(label),status=\"\(status.rawValue)\"} \(files.filter { $0.status == status }.count)"
        } + [
            "# HELP saksgang_records Records read by the last run.",
            "# TYPE saksgang_records gauge",
            "saksgang_records{\(label)} \(records)",
            "# HELP saksgang_quarantined_records Records quarantined by the last run.",
            "# TYPE saksgang_quarantined_records gauge",
            "saksgang_quarantined_records{\(label)} \(quarantined)",
        ]
        if let casesInStore {
            lines += ["# HELP saksgang_cases Cases in the state store.",
                      "# TYPE saksgang_cases gauge",
                      "saksgang_cases{\(label)} \(casesInStore)"]
        }
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // Written beside its place and renamed: the collector never reads half a file.
        try? Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// The success time the previous file recorded, carried over a failed run.
    static func previousSuccess(path: String, label: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let prefix = "saksgang_last_success_timestamp_seconds{\(label)} "
        for line in text.split(separator: "\n") where line.hasPrefix(prefix) {
            return Int(line.dropFirst(prefix.count))
        }
        return nil
    }
}
