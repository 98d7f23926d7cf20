import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// Broken and hostile gzip in Fixtures/hostile/: each file refused with its named error and
/// the compressed byte offset; the valid multi-member file read whole.
final class HostileGzipTests: XCTestCase {
    func testTruncatedGzipIsRefusedAtTheEndOfTheData() throws {
        let name = "smx_9101_20250620.xml.gz"
        let e = try Hostile.refusal(name, .gzipTruncated)
        // Cut at 60 %: the data ends inside the member, where the file ends.
        XCTAssertEqual(e.location.byteOffset, try Hostile.size(name))
    }

    func testCorruptDeflateDataIsRefusedWhereItStarts() throws {
        let e = try Hostile.refusal("smx_9102_20250620.xml.gz", .gzipCorrupt)
        // The first block header (byte 10, after the 10-byte gzip header) has the reserved type.
        let offset = try XCTUnwrap(e.location.byteOffset)
        XCTAssertTrue((10...16).contains(offset), "offset \(offset)")
        XCTAssertTrue(e.message.contains("member 1"))
    }

    func testBadCRCTrailerIsRefused() throws {
        let name = "smx_9103_20250620.xml.gz"
        let e = try Hostile.refusal(name, .gzipCorrupt)
        let offset = try XCTUnwrap(e.location.byteOffset)
        XCTAssertTrue((try Hostile.size(name) - 8)...(try Hostile.size(name)) ~= offset, "offset \(offset) is in the trailer")
    }

    func testBadLengthTrailerIsRefused() throws {
        let name = "smx_9104_20250620.xml.gz"
        let e = try Hostile.refusal(name, .gzipCorrupt)
        let offset = try XCTUnwrap(e.location.byteOffset)
        XCTAssertTrue((try Hostile.size(name) - 4)...(try Hostile.size(name)) ~= offset, "offset \(offset) is in the length field")
    }

    func testConcatenatedMembersAreAllRead() throws {
        let out = try Hostile.read("smc_9105_20250620.csv.gz")
        XCTAssertNil(out.failure, "\(String(describing: out.failure))")
        XCTAssertEqual(out.recordErrors.count, 0)
        // Rows 1–4, 5–8 and 9–12 sit in three members; every one is read, in order.
        XCTAssertEqual(out.cases.map(\.caseNumber.revealed), (1...12).map { "H9105-\($0)" })
        XCTAssertEqual(out.report?.records, 12)
        XCTAssertEqual(Set(out.cases.map(\.body.school.municipality)), ["9105"])
    }

    func testDecompressionBombIsRefusedByRatioFastAndEarly() throws {
        let name = "smx_9106_20250620.xml.gz"
        let out = try Hostile.read(name)
        let e = try XCTUnwrap(out.failure)
        XCTAssertEqual(e.code, .gzipTooLarge)
        XCTAssertEqual(e.location.file, name)
        XCTAssertTrue(e.message.contains("ratio exceeds 1000:1"), e.message)
        // Refused after a few MiB of its 20 MiB, not after inflating all of it.
        let offset = try XCTUnwrap(e.location.byteOffset)
        XCTAssertLessThan(offset, try Hostile.size(name))
        XCTAssertLessThan(out.seconds, 1.0)
    }

    func testDecompressionBombIsRefusedByAConfiguredSizeCap() throws {
        let limits = DecompressionLimits(maxOutputBytes: 4 << 20, maxRatio: 1_000_000)
        let e = try Hostile.refusal("smx_9106_20250620.xml.gz", .gzipTooLarge, limits: limits)
        XCTAssertTrue(e.message.contains("limit of 4194304 bytes"), e.message)
    }

    /// The refusal comes from the limits, not from the content: with limits above the bomb
    /// the same file is a well-formed export with no cases.
    func testTheBombIsReadWhenTheLimitsAllowIt() throws {
        let out = try Hostile.read("smx_9106_20250620.xml.gz", limits: DecompressionLimits(maxOutputBytes: 64 << 20, maxRatio: 2000))
        XCTAssertNil(out.failure, "\(String(describing: out.failure))")
        XCTAssertEqual(out.cases.count, 0)
    }

    func testGzipHoldingNothingIsAnEmptyFile() throws {
        let e = try Hostile.refusal("smx_9107_20250620.xml.gz", .emptyFile)
        XCTAssertEqual(e.location.byteOffset, 0)
    }
}
