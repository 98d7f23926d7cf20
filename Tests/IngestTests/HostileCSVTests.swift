import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// Broken CSV in Fixtures/hostile/: each file refused with its named error, line and byte
/// offset; an unknown column and a header with no rows read without error.
final class HostileCSVTests: XCTestCase {
    func testWrongDelimiterIsRefusedAtTheHeader() throws {
        let e = try Hostile.refusal("smc_9301_20250620.csv", .csvWrongDelimiter)
        XCTAssertEqual(e.location.line, 1)
        XCTAssertEqual(e.location.byteOffset, 3, "the header starts after the BOM")
        XCTAssertTrue(e.message.contains("','"), e.message)
    }

    func testMissingRequiredColumnNamesTheColumn() throws {
        let e = try Hostile.refusal("smc_9302_20250620.csv", .csvMissingColumn)
        XCTAssertEqual(e.location.field, "saksnr")
        XCTAssertEqual(e.location.line, 1)
    }

    func testUnknownColumnIsAWarningAndEveryRowIsRead() throws {
        let out = try Hostile.read("smc_9303_20250620.csv")
        XCTAssertNil(out.failure)
        XCTAssertEqual(out.cases.count, 3)
        XCTAssertEqual(out.recordErrors.count, 0)
        let warnings = try XCTUnwrap(out.report?.warnings)
        XCTAssertEqual(warnings.map(\.code), [.mapping])
        XCTAssertEqual(warnings.first?.location.field, "column 37")
        XCTAssertEqual(warnings.first?.location.file, "smc_9303_20250620.csv")
        XCTAssertEqual(warnings.first?.location.line, 1)
    }

    func testUnbalancedQuoteNamesTheLineWhereItOpened() throws {
        let name = "smc_9304_20250620.csv"
        let out = try Hostile.read(name)
        let e = try XCTUnwrap(out.failure)
        XCTAssertEqual(e.code, .csvUnbalancedQuote)
        XCTAssertEqual(e.location.file, name)
        XCTAssertEqual(e.location.record, 4)
        XCTAssertEqual(e.location.line, 8, "rows 1–3 take lines 2–7 (their comments hold a line break)")
        // The quote opens the last field of the last row.
        let data = try Data(contentsOf: URL(fileURLWithPath: Hostile.path(name)))
        let lastQuote = Int64(try XCTUnwrap(data.lastIndex(of: UInt8(ascii: "\""))))
        XCTAssertEqual(e.location.byteOffset, lastQuote)
        XCTAssertEqual(out.cases.count, 3, "rows before the quote were read; the caller rolls the file back")
        Hostile.assertNoPersonalValue(in: e.description, of: name)
    }

    func testNulByteIsRefusedAtItsOffset() throws {
        let name = "smc_9305_20250620.csv"
        let e = try Hostile.refusal(name, .nulByte)
        XCTAssertEqual(e.location.byteOffset, try Hostile.offset(of: 0, in: name))
        XCTAssertEqual(e.location.line, 4)
        XCTAssertEqual(e.location.record, 2)
    }

    func testFieldOverTheSizeLimitIsRefused() throws {
        let name = "smc_9306_20250620.csv.gz"
        let out = try Hostile.read(name)
        let e = try XCTUnwrap(out.failure)
        XCTAssertEqual(e.code, .csvFieldTooLarge)
        XCTAssertEqual(e.location.file, name)
        XCTAssertEqual(e.location.record, 2)
        XCTAssertEqual(e.location.line, 4)
        XCTAssertNotNil(e.location.byteOffset)
        XCTAssertTrue(e.message.contains("field 36") && e.message.contains("1048576"), e.message)
        XCTAssertLessThan(out.seconds, 2.0)
        Hostile.assertNoPersonalValue(in: e.description, of: name)
    }

    func testHeaderOnlyIsValidWithZeroRecords() throws {
        let out = try Hostile.read("smc_9307_20250620.csv")
        XCTAssertNil(out.failure)
        XCTAssertEqual(out.report?.records, 0)
        XCTAssertEqual(out.report?.warnings.count, 0)
        XCTAssertTrue(out.cases.isEmpty && out.recordErrors.isEmpty)
    }

    func testEmptyCSVFile() throws {
        let e = try Hostile.refusal("smc_9308_20250620.csv", .emptyFile)
        XCTAssertEqual(e.location.byteOffset, 0)
    }

    func testInvalidUTF8AfterABOMIsAnEncodingError() throws {
        let name = "smc_9309_20250620.csv"
        let e = try Hostile.refusal(name, .invalidEncoding)
        XCTAssertEqual(e.location.byteOffset, try Hostile.offset(of: 0xF8, in: name))
        XCTAssertEqual(e.location.line, 6)
        XCTAssertEqual(e.location.record, 3)
    }
}
