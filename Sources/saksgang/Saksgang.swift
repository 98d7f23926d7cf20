import ArgumentParser

@main
struct Saksgang: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saksgang",
        abstract: "Pseudonymised reports on school-environment cases from vendor exports.")
}
