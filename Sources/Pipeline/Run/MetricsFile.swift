import Foundation

/// The run's figures for the monitoring the municipality already has: the Prometheus
/// node-exporter textfile format, written to `<state>/saksgang.prom` (point the collector's
/// textfile directory at it, or copy it there).
enum MetricsFile {
    static func write(_ outcome: NightlyRun.Outcome, duration: Double, pipeline: String, stateDirectory: String) {
        let label = "pipeline=\"\(pipeline.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
        let records = outcome.files.reduce(0) { $0 + $1.records }
        let lines = [
            "# HELP saksgang_last_success_timestamp_seconds When the last run finished.",
            "# TYPE saksgang_last_success_timestamp_seconds gauge",
            "saksgang_last_success_timestamp_seconds{\(label)} \(Int(Date().timeIntervalSince1970))",
            "# HELP saksgang_run_duration_seconds How long the last run took.",
            "# TYPE saksgang_run_duration_seconds gauge",
            "saksgang_run_duration_seconds{\(label)} \(String(format: "%.3f", duration))",
            "# HELP saksgang_files Files in the export folder by what the last run did with them.",
            "# TYPE saksgang_files gauge",
        ] + FileOutcome.Status.allCases.map { status in
            "saksgang_files{\(label),status=\"\(status.rawValue)\"} \(outcome.files.filter { $0.status == status }.count)"
        } + [
            "# HELP saksgang_records Records read by the last run.",
            "# TYPE saksgang_records gauge",
            "saksgang_records{\(label)} \(records)",
            "# HELP saksgang_quarantined_records Records quarantined by the last run.",
            "# TYPE saksgang_quarantined_records gauge",
            "saksgang_quarantined_records{\(label)} \(outcome.quarantinedRecords)",
            "# HELP saksgang_cases Cases in the state store.",
            "# TYPE saksgang_cases gauge",
            "saksgang_cases{\(label)} \(outcome.casesInStore)",
        ]
        let path = stateDirectory + "/saksgang.prom"
        try? Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
