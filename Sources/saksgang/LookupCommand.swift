import ArgumentParser
import Foundation
import Pseudonymize
import SaksgangCore

/// Forward lookup for the key holder: the pseudonym of a known case number or pupil, to
/// follow up a case a report flags. The number is read from standard input so that it
/// stays out of shell history and process listings.
struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Compute the pseudonym of a case number or identity number read from standard input.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case `case`, pupil, localId = "local-id", guardian
    }

    @Option(help: "What the number is: case, pupil, local-id, guardian.") var kind: Kind
    @Option(help: "The key file.") var key: String
    @Option(help: "The school's organisation number (case and local-id).") var school: String?
    @Option(help: "The mapping (vendor format) name (local-id).") var source: String?

    func run() throws {
        let pseudonymizer = Pseudonymizer(key: try PseudonymKey(contentsOfFile: key))
        while let line = readLine(strippingNewline: true) {
            let value = Sensitive(line.trimmingCharacters(in: .whitespaces))
            if value.revealed.isEmpty { continue }
            switch kind {
            case .case:
                guard let school else { throw ValidationError("--school is needed for a case number") }
                print(pseudonymizer.caseID(caseNumber: value, school: school))
            case .pupil, .guardian:
                let normalized = IdentityNumber.normalize(value.revealed)
                guard IdentityNumber.classify(normalized) != nil else {
                    FileHandle.standardError.write(Data("saksgang: the number on this line fails validation\n".utf8))
                    continue
                }
                print(kind == .pupil ? pseudonymizer.pupil(nationalNumber: normalized) : pseudonymizer.guardian(nationalNumber: normalized))
            case .localId:
                guard let school, let source else { throw ValidationError("--school and --source are needed for a local id") }
                print(pseudonymizer.pupil(localId: value, source: source, school: school))
            }
        }
    }
}
