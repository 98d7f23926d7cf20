import ArgumentParser
import Foundation
import Pipeline
import Pseudonymize
import SaksgangCore

/// Forward lookup for the key holder: the pseudonym of a known case number or pupil, to
/// follow up a case a report flags. Numbers are read from standard input, one per line, so
/// that they stay out of shell history and process listings.
struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Compute the pseudonyms of case numbers or identity numbers read from standard input.")

    @Option(help: "What the numbers are: case, pupil, local-id, guardian.") var kind: String
    @Option(help: "The key file.") var key: String
    @Option(help: "The school's organisation number (case and local-id).") var school: String?
    @Option(help: "The mapping (vendor format) name, e.g. smx (local-id).") var source: String?

    func run() throws {
        guard let kind = ForwardLookup.Kind(rawValue: kind) else {
            throw ValidationError("--kind must be one of: \(ForwardLookup.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let lookup = ForwardLookup(key: try PseudonymKey(contentsOfFile: key))
        var line = 0
        while let text = readLine(strippingNewline: true) {
            line += 1
            let value = Sensitive(text.trimmingCharacters(in: .whitespaces))
            if value.revealed.isEmpty { continue }
            do {
                print(try lookup.pseudonym(of: value, kind: kind, school: school, source: source))
            } catch {
                FileHandle.standardError.write(Data("saksgang: line \(line): \(error.message)\n".utf8))
            }
        }
    }
}
