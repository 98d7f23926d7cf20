import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

final class FileByteSourceTests: XCTestCase {
    private var directory: URL!

    override func setUp() {
        directory = RepoPaths.temporaryDirectory("bytes-test")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = directory.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    private func error(_ body: () throws -> Void) -> SaksgangError? {
        do { try body() } catch let error as SaksgangError { return error } catch { XCTFail("\(error)") }
        return nil
    }

    /// ~600 kB of varied bytes, so that reads span several 256 KiB chunks.
    private let content: [UInt8] = (0..<600_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }

    func testReadsWholeFileWithLargeAndSmallBuffers() throws {
        let path = write("data.bin", content)
        for chunk in [1 << 20, 256 * 1024, 4096, 7] {
            var observed: [UInt8] = []
            let source = try FileByteSource(path: path) { observed.append(contentsOf: $0) }
            XCTAssertEqual(try GzipTestWriter.drain(source, chunk: chunk), content, "chunk \(chunk)")
            XCTAssertEqual(observed, content, "observer, chunk \(chunk)")
            XCTAssertEqual(source.position, Int64(content.count))
            XCTAssertEqual(source.bytesReadFromDisk, Int64(content.count))
            XCTAssertEqual(source.fileSize, Int64(content.count))
        }
    }

    func testMissingFileAndDirectoryAreIOErrors() {
        let missing = error { _ = try FileByteSource(path: self.directory.appendingPathComponent("none.csv").path) }
        XCTAssertEqual(missing?.code, .ioError)
        XCTAssertTrue(missing?.message.contains("none.csv") ?? false)
        XCTAssertEqual(error { _ = try FileByteSource(path: self.directory.path) }?.code, .ioError)
    }

    func testPeekDoesNotMoveOrObserve() throws {
        let path = write("peek.bin", Array("abcdef".utf8))
        var observed = 0
        let source = try FileByteSource(path: path) { observed += $0.count }
        XCTAssertEqual(try source.peekPrefix(2), Array("ab".utf8))
        XCTAssertEqual(observed, 0)
        XCTAssertEqual(try GzipTestWriter.drain(source), Array("abcdef".utf8))
        XCTAssertEqual(try source.peekPrefix(10), Array("abcdef".utf8))
    }

    // MARK: ByteSources.open

    func testOpenSniffsGzipByContentNotName() throws {
        let text = Array("saksnr;skole\n2025-1;Berg\n".utf8)
        let gz = GzipTestWriter.member(text)
        let disguised = write("export.csv", gz)
        var observed: [UInt8] = []
        let source = try ByteSources.open(path: disguised) { observed.append(contentsOf: $0) }
        XCTAssertTrue(source is GzipByteSource)
        XCTAssertEqual(try GzipTestWriter.drain(source), text)
        XCTAssertEqual(observed, gz, "the observer sees the compressed bytes on disk")

        let plain = try ByteSources.open(path: write("plain.csv.gz", text))
        XCTAssertTrue(plain is FileByteSource)
        XCTAssertEqual(try GzipTestWriter.drain(plain), text)
    }

    func testOpenPassesLimitsAndFileName() throws {
        let path = write("bomb.gz", GzipTestWriter.member([UInt8](repeating: 0, count: 3 << 20)))
        let source = try ByteSources.open(path: path, limits: DecompressionLimits(maxOutputBytes: 1 << 20))
        let failure = error { _ = try GzipTestWriter.drain(source) }
        XCTAssertEqual(failure?.code, .gzipTooLarge)
        // Named by its file name, never its whole path (quarantine lines and logs name files).
        XCTAssertEqual(failure?.location.file, "bomb.gz")
    }

    func testOpenEmptyFile() {
        let path = write("empty.csv", [])
        let failure = error { _ = try ByteSources.open(path: path) }
        XCTAssertEqual(failure?.code, .emptyFile)
        XCTAssertEqual(failure?.location.file, "empty.csv")
    }

    func testOneByteFileIsPlain() throws {
        let source = try ByteSources.open(path: write("one.csv", [0x1f]))
        XCTAssertEqual(try GzipTestWriter.drain(source), [0x1f])
    }
}
