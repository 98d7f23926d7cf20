import Foundation
import Logging
import Pipeline

enum Logging {
    enum Format: String, CaseIterable { case logfmt, json }

    /// Log lines to the state folder's log file, and to standard error: everything at the
    /// chosen level when a person watches a terminal, only warnings and errors under cron.
    static func bootstrap(logFile: String, level: Logger.Level, quiet: Bool, format: Format = .logfmt) -> Logger {
        let terminal = isatty(STDERR_FILENO) != 0
        let consoleLevel: Logger.Level = quiet ? .error : (terminal ? level : max(level, .warning))
        let file = LogSink(filePath: logFile, toStandardError: false)
        let console = LogSink(filePath: nil, toStandardError: true)
        LoggingSystem.bootstrap { label in
            switch format {
            case .logfmt:
                MultiplexLogHandler([
                    LogfmtLogHandler(label: label, level: level, sink: file),
                    LogfmtLogHandler(label: label, level: consoleLevel, sink: console),
                ])
            case .json:
                MultiplexLogHandler([
                    JSONLogHandler(label: label, level: level, sink: file),
                    JSONLogHandler(label: label, level: consoleLevel, sink: console),
                ])
            }
        }
        return Logger(label: "saksgang")
    }
}
