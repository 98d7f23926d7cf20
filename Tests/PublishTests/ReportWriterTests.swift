import Foundation
import Measure
import Publish
import XCTest

final class ReportWriterTests: XCTestCase {
    func testSameContentGivesIdenticalBytes() throws {
        let first = try WrittenReport(SampleReport.content())
        let second = try WrittenReport(SampleReport.content())
        defer { first.remove(); second.remove() }
        XCTAssertEqual(first.outputs.map(\.name), ["report.html", "tables.csv", "tables.json", "tabeller-excel.csv", "tables.schema.json", "codebook.md"])
        XCTAssertEqual(first.outputs, second.outputs)
        for name in ReportWriter.fileNames {
            XCTAssertEqual(try first.data(name), try second.data(name), name)
        }
    }

    func testOutputsRecordTheHashAndSizeOfTheBytesOnDisk() throws {
        let report = try WrittenReport(SampleReport.content())
        defer { report.remove() }
        for output in report.outputs {
            let path = report.directory.appendingPathComponent(output.name).path
            XCTAssertEqual(output.sha256, try FileHash.sha256(path: path), output.name)
            XCTAssertEqual(output.bytes, try report.data(output.name).count, output.name)
        }
    }

    func testAChangedFigureChangesTheTables() throws {
        var content = SampleReport.content()
        let before = try WrittenReport(content)
        content.figures[0].estimate = 89
        let after = try WrittenReport(content)
        defer { before.remove(); after.remove() }
        XCTAssertNotEqual(before.outputs.first { $0.name == "tables.csv" }?.sha256,
                          after.outputs.first { $0.name == "tables.csv" }?.sha256)
    }

    func testAWithheldFigureLeaksNothingEvenIfAnEarlierStageLeftItsNumbers() throws {
        var content = SampleReport.content()
        // A careless upstream stage: suppressed, but the numbers are still there.
        content.figures.append(Figure(metric: .timeToFirstMeeting, statistic: .median, unit: .workingDays,
                                      grouping: "sami", group: "yes", n: 3, estimate: 777.25, ciLow: 701.5,
                                      ciHigh: 799.75, suppressed: true, suppressionReason: "withheld"))
        let report = try WrittenReport(content)
        defer { report.remove() }
        for name in ReportWriter.fileNames {
            let text = try report.text(name)
            for leak in ["777", "701", "799"] {
                XCTAssertFalse(text.contains(leak), "\(name) shows a withheld number")
            }
        }
    }

    func testWritesIntoAFolderThatDoesNotExistYet() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("saksgang-publish-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let outputs = try ReportWriter.write(SampleReport.content(), to: base.appendingPathComponent("a/b").path)
        XCTAssertEqual(outputs.count, 6)
        XCTAssertTrue(FileManager.default.fileExists(atPath: base.appendingPathComponent("a/b/report.html").path))
    }
}
