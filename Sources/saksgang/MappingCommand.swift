import ArgumentParser
import Foundation
import Ingest

struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping", abstract: "Help with writing a vendor mapping file.",
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a mapping file, and read sample exports with it, without running a pipeline.",
            discussion: """
                Without samples: YAML mistakes, unknown keys, values that do not exist, undefined code tables, \
                code-table targets that are not canonical codes and required fields not mapped, each with its line. \
                With samples: per canonical field, how many records had a value and its most frequent codes; \
                warnings for fields empty in every record, a record path that matches nothing and codes missing \
                from a table. Nothing is stored and no personal value is printed. Exit status: 0 no errors \
                (warnings may be printed), 1 errors.
                """)

        @Argument(help: "The mapping file (YAML).")
        var mapping: String

        @Argument(help: "Sample export files (XML or CSV, plain or gzipped) to read with it.")
        var samples: [String] = []

        func run() throws {
            let document = MappingDocument(contentsOfFile: mapping)
            var samplesCheck: MappingSampleCheck?
            if document.compiled != nil && !samples.isEmpty {
                samplesCheck = MappingSampleCheck(document: document, samples: samples)
            }
            let report = MappingCheckReport(document: document, samples: samplesCheck)
            print(report.text, terminator: "")
            if document.compiled == nil && !samples.isEmpty {
                print("The samples were not read: fix the errors above first.")
            }
            if report.failed { throw ExitCode(1) }
        }
    }
}
