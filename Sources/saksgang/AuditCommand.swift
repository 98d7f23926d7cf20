import ArgumentParser
import Disclose
import Foundation
import SaksgangCore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit a written report again: can any withheld cell be pinned down from what is published?",
        discussion: """
            Reads OUTPUT_DIR/tables.json and the school register of OUTPUT_DIR/audit.json, and computes for every \
            withheld count cell the tightest interval the published figures imply (linear programming, COIN-OR CLP). \
            Exit status: 0 every interval is at least k wide (or at least k), 1 some cell is pinned closer, \
            4 the folder could not be read. See docs/disclosure.md.
            """)

    @Argument(help: "The report folder (with tables.json and audit.json).")
    var outputDirectory: String

    @Flag(help: "Compute every withheld cell's exact interval (two linear programs per cell), not only that it spans k.")
    var exact = false

    func run() throws {
        let report: AuditReport
        do { report = try WrittenReportAudit.audit(outputDirectory: outputDirectory, exact: exact) } catch {
            FileHandle.standardError.write(Data("saksgang audit: \(error.message)\n".utf8))
            throw ExitCode(ExitStatus.didNotRun.rawValue)
        }
        print("cells checked: \(report.cellsChecked)")
        print("cells pinned closer than k = \(report.threshold): \(report.cellsUnprotected)")
        if let n = report.narrowest {
            print("narrowest: \(n.quantity) \(n.grouping)=\(n.group) [\(n.low), \(n.high.map(String.init) ?? "inf")]")
        }
        print(report.passed ? "passed" : "FAILED")
        if !report.passed { throw ExitCode(1) }
    }
}
