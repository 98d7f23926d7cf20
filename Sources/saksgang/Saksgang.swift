import ArgumentParser

@main
struct Saksgang: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "saksgang",
        abstract: "Pseudonymised reports on school-environment cases from vendor exports.",
        discussion: """
            Exit codes of `run`: 0 every record stored; \(ExitStatus.quarantined.rawValue) ran, but records or \
            files were quarantined (see quarantine.jsonl); \(ExitStatus.didNotRun.rawValue) did not run \
            (configuration, key or lock problem).
            """,
        version: version,
        subcommands: [RunCommand.self, MappingCommand.self, KeyCommand.self, LookupCommand.self, GenerateCommand.self,
                      AuditCommand.self])
}

/// The documented exit codes (README, "Exit codes").
enum ExitStatus: Int32 {
    case ok = 0
    case quarantined = 3
    case didNotRun = 4
}
