import ArgumentParser
import Pipeline

@main
struct Saksgang: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "saksgang",
        abstract: "Pseudonymised reports on school-environment cases from vendor exports.",
        discussion: """
            Exit codes of `run`: 0 every record stored; \(ExitStatus.quarantined.rawValue) ran, but records or \
            files were quarantined (see internal/quarantine.jsonl); \(ExitStatus.didNotRun.rawValue) did not run \
            (configuration, key or lock problem); \(ExitStatus.notPublished.rawValue) stored, not published \
            (disk full, say). See `saksgang run --help`.
            """,
        version: version,
        subcommands: [RunCommand.self, MappingCommand.self, KeyCommand.self, LookupCommand.self, ExtractCommand.self,
                      GenerateCommand.self, AuditCommand.self])
}

/// The documented exit codes (README, "Exit codes").
enum ExitStatus: Int32 {
    case ok = 0
    case quarantined = 3
    case didNotRun = 4
    /// Files may have been stored, but the reports were not written (disk full, say).
    case notPublished = 5

    /// The one place a run's result becomes an exit code.
    init(_ result: NightlyRun.RunResult) {
        switch result {
        case .allStored: self = .ok
        case .quarantined: self = .quarantined
        case .didNotRun: self = .didNotRun
        case .notPublished: self = .notPublished
        }
    }
}
