import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// Bad records in otherwise good files (Fixtures/hostile/smx_94*, smc_94*): the bad record
/// is rejected with the exact code and field, never the value; the other records are read.
/// Invalid identity numbers and a case twice in one file are the pipeline's to judge (see
/// HostileNightTests): here they must pass through the reader untouched.
final class HostileRecordTests: XCTestCase {
    private func read(_ name: String) throws -> Hostile.Outcome {
        let out = try Hostile.read(name)
        XCTAssertNil(out.failure, "\(name): \(String(describing: out.failure))")
        for e in out.recordErrors {
            XCTAssertEqual(e.location.file, name)
            XCTAssertNotNil(e.location.line)
            XCTAssertNotNil(e.location.byteOffset)
            Hostile.assertNoPersonalValue(in: e.description, of: name)
        }
        for c in out.cases { for w in c.warnings { Hostile.assertNoPersonalValue(in: w.description, of: name) } }
        return out
    }

    private func numbers(_ out: Hostile.Outcome) -> [String] { out.cases.map(\.caseNumber.revealed) }

    func testImpossibleDateInCSVRejectsOnlyItsRecord() throws {
        let out = try read("smc_9401_20250620.csv")
        XCTAssertEqual(out.recordErrors.map(\.code), [.invalidDate])
        XCTAssertEqual(out.recordErrors.first?.location.field, "knowledge (meldt_dato)")
        XCTAssertEqual(out.recordErrors.first?.location.record, 2)
        XCTAssertEqual(out.recordErrors.first?.location.line, 4)
        XCTAssertEqual(numbers(out), ["H9401-1", "H9401-3", "H9401-4"])
        XCTAssertEqual(out.report?.records, 4)
    }

    func testImpossibleDateInXMLRejectsOnlyItsRecord() throws {
        let out = try read("smx_9402_20250620.xml")
        XCTAssertEqual(out.recordErrors.map(\.code), [.invalidDate])
        let e = try XCTUnwrap(out.recordErrors.first)
        XCTAssertEqual(e.location.field, "event time (@tidspunkt)")
        XCTAssertEqual(e.location.record, 2)
        XCTAssertEqual(e.location.elementPath, "/Eksport/Skole/Sak")
        XCTAssertEqual(numbers(out), ["H9402-1", "H9402-3"])
    }

    func testEventBeforeKnowledgeAndAfterExportAreWarningsNotRejects() throws {
        let out = try read("smx_9403_20250620.xml")
        XCTAssertEqual(out.recordErrors.count, 0)
        XCTAssertEqual(numbers(out), ["H9403-1", "H9403-2", "H9403-3"])
        XCTAssertEqual(out.cases[0].warnings.map(\.code), [])
        XCTAssertEqual(out.cases[1].warnings.map(\.code), [.eventBeforeKnowledge])
        XCTAssertEqual(out.cases[1].warnings.first?.location.field, "undersokelse")
        XCTAssertEqual(out.cases[2].warnings.map(\.code), [.eventAfterExport])
    }

    func testUnknownCodesInCSVAreRejectedNeverGuessed() throws {
        let out = try read("smc_9404_20250620.csv")
        XCTAssertEqual(out.recordErrors.map(\.code), [.unknownCode, .unknownCode, .unknownCode])
        XCTAssertEqual(out.recordErrors.map(\.location.field),
                       ["reported_by (meldt_av)", "violations (krenkelsestyper)", "gender (kjonn)"])
        XCTAssertEqual(out.recordErrors.map(\.location.record), [1, 3, 4])
        XCTAssertEqual(numbers(out), ["H9404-2", "H9404-5"])
    }

    func testUnknownCodesInXMLAreRejectedNeverGuessed() throws {
        let out = try read("smx_9407_20250620.xml")
        XCTAssertEqual(out.recordErrors.map(\.code), [.unknownCode, .unknownCode])
        // `ja` is a yes in SMC, but not a code of SMX's boolean table: not guessed.
        XCTAssertEqual(out.recordErrors.map(\.location.field), ["serious (@alvorlig)", "event kind (@type)"])
        XCTAssertEqual(out.recordErrors.map(\.location.record), [1, 3])
        XCTAssertEqual(numbers(out), ["H9407-2"])
    }

    /// The reader does not judge identity numbers: the pseudonymisation stage does, and
    /// keeps the case with a warning (HostileNightTests).
    func testInvalidIdentityNumbersPassThroughTheReader() throws {
        let out = try read("smx_9405_20250620.xml")
        XCTAssertEqual(out.recordErrors.count, 0)
        XCTAssertEqual(numbers(out), ["H9405-1", "H9405-2", "H9405-3"])
        XCTAssertTrue(out.cases.allSatisfy { $0.pupilNationalNumber != nil })
        XCTAssertEqual(out.cases[1].pupilLocalId?.revealed, "L94052")
    }

    /// The duplicate is the pipeline's to quarantine (it compares pseudonymous case ids).
    func testTheSameCaseTwiceIsDeliveredTwiceByTheReader() throws {
        let out = try read("smx_9406_20250620.xml")
        XCTAssertEqual(numbers(out), ["H9406-1", "H9406-2", "H9406-1"])
    }
}
