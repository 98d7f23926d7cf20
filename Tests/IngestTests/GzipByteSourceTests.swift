import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

final class GzipByteSourceTests: XCTestCase {
    private func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: RepoPaths.fixtures.appendingPathComponent("gzip/\(name)")))
    }

    private func gunzip(_ bytes: [UInt8], maxChunk: Int = .max, readChunk: Int = 64 * 1024,
                        limits: DecompressionLimits = .standard) throws -> [UInt8] {
        let source = try GzipByteSource(source: MemoryByteSource(bytes, maxChunk: maxChunk), limits: limits)
        return try GzipTestWriter.drain(source, chunk: readChunk)
    }

    /// Runs `body` and returns the SaksgangError it throws (fails if none).
    private func error(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> SaksgangError? {
        do {
            try body()
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let error as SaksgangError {
            return error
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
            return nil
        }
    }

    func testSingleMember() throws {
        let text = try fixture("text.txt")
        let source = try GzipByteSource(source: MemoryByteSource(try fixture("single.gz")))
        XCTAssertEqual(try GzipTestWriter.drain(source), text)
        XCTAssertEqual(source.position, Int64(text.count))
        XCTAssertEqual(source.membersRead, 1)
        XCTAssertEqual(source.compressedPosition, Int64(try fixture("single.gz").count))
    }

    func testTwoAndThreeMembersAreReadWhole() throws {
        let text = try fixture("text.txt")
        for name in ["multi2.gz", "multi3.gz"] {
            let source = try GzipByteSource(source: MemoryByteSource(try fixture(name)))
            XCTAssertEqual(try GzipTestWriter.drain(source), text, name)
            XCTAssertEqual(source.membersRead, name == "multi2.gz" ? 2 : 3)
        }
    }

    func testMembersAcrossTinyInputAndOutputChunks() throws {
        let text = try fixture("text.txt")
        XCTAssertEqual(try gunzip(try fixture("multi3.gz"), maxChunk: 7, readChunk: 100), text)
        XCTAssertEqual(try gunzip(try fixture("multi3.gz"), maxChunk: 1, readChunk: 4096), text)
    }

    func testEmptyMemberThenData() throws {
        XCTAssertEqual(try gunzip(try fixture("empty_member.gz")), Array("tail\n".utf8))
    }

    func testMembersBuiltWithTheShimDeflate() throws {
        let parts = (0..<3).map { index in Array(String(repeating: "del \(index);", count: 5000).utf8) }
        let levels: [Int32] = [1, 6, 9]
        let joined = zip(parts, levels).flatMap { GzipTestWriter.member($0, level: $1) }
        XCTAssertEqual(try gunzip(joined), parts.flatMap { $0 })
    }

    func testTruncationAtSeveralOffsetsIsAnError() throws {
        let whole = try fixture("single.gz")
        // Inside the header, in the deflate data, in the CRC, in the length, one byte short.
        for cut in [0, 1, 5, 10, 12, 200, whole.count / 2, whole.count - 8, whole.count - 5, whole.count - 1] {
            let failure = error { _ = try gunzip(Array(whole[0..<cut]), maxChunk: 97) }
            XCTAssertEqual(failure?.code, .gzipTruncated, "cut at \(cut)")
            XCTAssertEqual(failure?.location.byteOffset, Int64(cut), "cut at \(cut)")
        }
    }

    func testTruncationInsideTheSecondMember() throws {
        let whole = try fixture("multi2.gz")
        let failure = error { _ = try gunzip(Array(whole[0..<(whole.count - 100)])) }
        XCTAssertEqual(failure?.code, .gzipTruncated)
        XCTAssertTrue(failure?.message.contains("member 2") ?? false)
    }

    func testCorruptDataByte() throws {
        var bytes = try fixture("single.gz")
        bytes[bytes.count / 2] ^= 0x55
        let failure = error { _ = try gunzip(bytes) }
        XCTAssertEqual(failure?.code, .gzipCorrupt)
        XCTAssertNotNil(failure?.location.byteOffset)
    }

    func testBadCRCTrailer() throws {
        var bytes = try fixture("single.gz")
        bytes[bytes.count - 8] ^= 0x01
        XCTAssertEqual(error { _ = try gunzip(bytes) }?.code, .gzipCorrupt)
    }

    func testBadLengthTrailer() throws {
        var bytes = try fixture("single.gz")
        bytes[bytes.count - 4] ^= 0x01
        XCTAssertEqual(error { _ = try gunzip(bytes) }?.code, .gzipCorrupt)
    }

    func testBadCRCInTheLastOfThreeMembers() throws {
        var bytes = try fixture("multi3.gz")
        bytes[bytes.count - 7] ^= 0x80
        XCTAssertEqual(error { _ = try gunzip(bytes) }?.code, .gzipCorrupt)
    }

    func testNotGzipAtAll() throws {
        XCTAssertEqual(error { _ = try gunzip(Array("saksnr;skole\n".utf8)) }?.code, .gzipCorrupt)
    }

    func testErrorsAreRepeatedOnLaterReads() throws {
        var bytes = try fixture("single.gz")
        bytes[bytes.count - 4] ^= 0x01
        let source = try GzipByteSource(source: MemoryByteSource(bytes))
        XCTAssertEqual(error { _ = try GzipTestWriter.drain(source) }?.code, .gzipCorrupt)
        XCTAssertEqual(error { _ = try GzipTestWriter.drain(source) }?.code, .gzipCorrupt)
    }

    // MARK: Trailing bytes after the last member (documented on GzipByteSource).

    func testTrailingZeroPaddingIsTolerated() throws {
        let bytes = try fixture("single.gz") + [UInt8](repeating: 0, count: 1000)
        XCTAssertEqual(try gunzip(bytes, maxChunk: 333), try fixture("text.txt"))
    }

    func testNonZeroAfterZeroPaddingIsCorrupt() throws {
        let single = try fixture("single.gz")
        let bytes = single + [0, 0, 0, 7]
        let failure = error { _ = try gunzip(bytes) }
        XCTAssertEqual(failure?.code, .gzipCorrupt)
        XCTAssertEqual(failure?.location.byteOffset, Int64(single.count + 3))
    }

    func testTrailingGarbageIsCorrupt() throws {
        let bytes = try fixture("single.gz") + Array("garbage after the member".utf8)
        XCTAssertEqual(error { _ = try gunzip(bytes) }?.code, .gzipCorrupt)
    }

    func testTrailingPartialHeaderIsTruncated() throws {
        let bytes = try fixture("single.gz") + [0x1f, 0x8b]
        XCTAssertEqual(error { _ = try gunzip(bytes) }?.code, .gzipTruncated)
    }

    // MARK: Limits.

    func testBombStopsAtTheOutputLimit() throws {
        let bomb = GzipTestWriter.member([UInt8](repeating: 0, count: 50 << 20), level: 9)
        XCTAssertLessThan(bomb.count, 100_000)
        let limits = DecompressionLimits(maxOutputBytes: 4 << 20, maxRatio: 10_000)
        let source = try GzipByteSource(source: MemoryByteSource(bomb), limits: limits)
        let failure = error { _ = try GzipTestWriter.drain(source) }
        XCTAssertEqual(failure?.code, .gzipTooLarge)
        XCTAssertLessThanOrEqual(source.position, 4 << 20)
    }

    func testBombStopsAtTheRatioLimit() throws {
        let bomb = GzipTestWriter.member([UInt8](repeating: 0, count: 8 << 20), level: 9)
        let limits = DecompressionLimits(maxOutputBytes: 1 << 40, maxRatio: 100)
        let source = try GzipByteSource(source: MemoryByteSource(bomb), limits: limits)
        let failure = error { _ = try GzipTestWriter.drain(source) }
        XCTAssertEqual(failure?.code, .gzipTooLarge)
        XCTAssertTrue(failure?.message.contains("ratio") ?? false)
        XCTAssertLessThan(source.position, 2 << 20)
    }

    func testRatioIsNotCheckedBelowOneMebibyte() throws {
        let small = [UInt8](repeating: 0, count: 1 << 20)
        let limits = DecompressionLimits(maxOutputBytes: 1 << 40, maxRatio: 2)
        XCTAssertEqual(try gunzip(GzipTestWriter.member(small), limits: limits).count, small.count)
    }

    func testDefaultLimitsPassOrdinaryText() throws {
        let text = Array(String(repeating: "2025-0001;Berg skole;12.05.2025 08:10;nei\n", count: 100_000).utf8)
        XCTAssertEqual(try gunzip(GzipTestWriter.member(text)), text)
    }
}
