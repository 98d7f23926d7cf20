import Dispatch
import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// Replays the inputs kept from fuzzing (Fixtures/fuzz-regressions, see Fuzz/README.md)
/// through the reader their harness drives. Each must end in success or a `SaksgangError`
/// — never a crash, another error type or a hang — within two seconds, and read the same
/// when fed in one chunk and in small chunks (the harnesses' own check).
///
/// File names say the harness: `gzip-…`, `csv-…`, `xml-…`, `mapping-…`.
final class FuzzRegressionTests: XCTestCase {
    private static let harnesses = ["gzip", "csv", "xml", "mapping"]
    private static let deadline: TimeInterval = 2

    private var folder: URL { RepoPaths.fixtures.appendingPathComponent("fuzz-regressions") }

    private func inputs(_ harness: String) throws -> [(name: String, bytes: [UInt8])] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("\(harness)-") && $0.hasSuffix(".bin") }
            .sorted()
            .map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    func testEveryFixtureNamesAHarness() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bin") }
        for name in names {
            XCTAssertTrue(Self.harnesses.contains { name.hasPrefix("\($0)-") }, "\(name) names no harness")
        }
        for harness in Self.harnesses {
            XCTAssertFalse(try inputs(harness).isEmpty, "no regression inputs for the \(harness) harness")
        }
    }

    func testGzipInputs() throws {
        for (name, bytes) in try inputs("gzip") {
            let whole = try replay(name) { try Self.gunzip(bytes, inputChunk: .max, outputChunk: 64 * 1024) }
            let small = try replay(name) { try Self.gunzip(bytes, inputChunk: 3, outputChunk: 7) }
            XCTAssertEqual(whole.error?.code, small.error?.code, "\(name): outcome depends on chunking")
            if whole.error == nil { XCTAssertEqual(whole.value, small.value, "\(name): output depends on chunking") }
            if name == "gzip-zero-bomb.bin" { XCTAssertEqual(whole.error?.code, .gzipTooLarge, name) }
        }
    }

    func testCSVInputs() throws {
        for (name, bytes) in try inputs("csv") {
            let whole = try replay(name) { try Self.csvRows(bytes, inputChunk: .max, initialBuffer: 256 * 1024) }
            let small = try replay(name) { try Self.csvRows(bytes, inputChunk: 5, initialBuffer: 16) }
            XCTAssertEqual(whole.error == nil, small.error == nil, "\(name): outcome depends on buffering")
            XCTAssertEqual(whole.value, small.value, "\(name): rows depend on buffering")
        }
    }

    func testXMLInputs() throws {
        let plan = try XCTUnwrap(try MappingFixtures.smx.xmlPlan)
        for (name, bytes) in try inputs("xml") {
            let whole = try replay(name) { try Self.xmlRecords(bytes, plan: plan, inputChunk: .max) }
            let small = try replay(name) { try Self.xmlRecords(bytes, plan: plan, inputChunk: 3) }
            XCTAssertEqual(whole.error == nil, small.error == nil, "\(name): outcome depends on chunking")
            if whole.error == nil { XCTAssertEqual(whole.value, small.value, "\(name): records depend on chunking") }
            if name == "xml-nested-records.bin" {
                XCTAssertNil(whole.error, name)
                // Only Sak elements at /Eksport/Skole/Sak are records: A and the last one, not B
                // (inside A) nor C (under a nested Skole).
                XCTAssertEqual(whole.value?.count, 2, name)
            }
            if name == "xml-windows1252-undefined-byte.bin" {
                // 0x81 is undefined in Windows-1252: libxml2's converter stops the push parser
                // without an error callback. The records after it must not be lost quietly,
                // and the verdict must not depend on where the chunks happen to end.
                XCTAssertEqual(whole.error?.code, .invalidEncoding, "\(name): one chunk")
                XCTAssertEqual(small.error?.code, .invalidEncoding, "\(name): small chunks")
            }
        }
    }

    /// The mapping harness's rule: `<` first (after a BOM or blanks, gunzipped if gzip) is
    /// SMX, anything else SMC.
    func testMappingInputs() throws {
        let smx = try MappingFixtures.smx
        let smc = try MappingFixtures.smc
        let directory = RepoPaths.temporaryDirectory("fuzz-regressions")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, bytes) in try inputs("mapping") {
            let xml = Self.looksLikeXML(bytes)
            let file = directory.appendingPathComponent(xml ? "smx_1103_20250620.xml" : "smc_5001_20250620.csv")
            try Data(bytes).write(to: file)
            let mapping = xml ? smx : smc
            let path = file.path
            let outcome = try replay(name) {
                var cases = 0
                var rejected = 0
                let report = try ExportReader(mapping: mapping).read(path: path) { result in
                    if case .success = result { cases += 1 } else { rejected += 1 }
                }
                XCTAssertEqual(report.records, cases + rejected, "\(name): the file report miscounts its records")
                return [cases, rejected]
            }
            if name == "mapping-smx-minimal.bin" {
                XCTAssertNil(outcome.error, name)
                // T-1: a yes/no code that is not in its table; T-2: an event without a kind;
                // T-3: month 13. Each rejects its record, never the file.
                XCTAssertEqual(outcome.value, [0, 3], name)
            }
        }
    }

    // MARK: Readers, as the harnesses drive them

    static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        var head = bytes
        if bytes.starts(with: ByteSources.gzipMagic) {
            head = [UInt8](repeating: 0, count: 64)
            let n = head.withUnsafeMutableBytes { buffer in
                (try? GzipByteSource(source: MemoryByteSource(bytes)).read(into: buffer)) ?? 0
            }
            head.removeSubrange(n...)
        }
        return head.drop { [0xEF, 0xBB, 0xBF, 0x20, 0x0A, 0x0D, 0x09].contains($0) }.first == UInt8(ascii: "<")
    }

    /// Limits small enough that the size and ratio checks are reachable (as in the harness).
    static let gzipLimits = DecompressionLimits(maxOutputBytes: 3 << 20, maxRatio: 1000)

    static func gunzip(_ bytes: [UInt8], inputChunk: Int, outputChunk: Int) throws -> [UInt8] {
        let gzip = try GzipByteSource(source: MemoryByteSource(bytes, maxChunk: inputChunk), limits: gzipLimits)
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: outputChunk)
        while true {
            let n = try buffer.withUnsafeMutableBytes { try gzip.read(into: $0) }
            if n == 0 { return out }
            out += buffer[0..<n]
        }
    }

    static func csvRows(_ bytes: [UInt8], inputChunk: Int, initialBuffer: Int) throws -> [[String]] {
        let options = CSVOptions(delimiter: UInt8(ascii: ";"), encoding: .auto, maxFieldBytes: 4096,
                                 maxRecordBytes: 16384, initialBufferBytes: initialBuffer)
        let csv = try CSVReader(source: MemoryByteSource(bytes, maxChunk: inputChunk), options: options)
        var rows = [csv.header]
        while try csv.nextRow() {
            rows.append((0..<csv.fieldCount).map { csv.string(at: $0) })
        }
        return rows
    }

    static func xmlRecords(_ bytes: [UInt8], plan: XMLCapturePlan, inputChunk: Int) throws -> [String] {
        var records: [String] = []
        try XMLRecordReader(plan: plan).read(MemoryByteSource(bytes, maxChunk: inputChunk)) { raw in
            records.append("\(raw.values)|\(raw.groups)")
        }
        return records
    }

    // MARK: Replay with a deadline

    /// Stops a test whose input hangs: the remaining inputs are not replayed.
    private struct Hang: Error {}

    private struct Outcome<Value: Sendable>: Sendable {
        var value: Value?
        var error: SaksgangError?
    }

    private final class Box<Value: Sendable>: @unchecked Sendable {
        var outcome: Outcome<Value>?
        var foreign: String?
    }

    /// Runs `body` on another thread and waits at most `deadline`: a hang fails the test
    /// instead of stalling it. A `SaksgangError` is an accepted outcome; any other error fails.
    private func replay<Value: Sendable>(_ name: String, _ body: @escaping @Sendable () throws -> Value,
                                         file: StaticString = #filePath, line: UInt = #line) throws -> Outcome<Value> {
        let box = Box<Value>()
        let done = DispatchSemaphore(value: 0)
        let started = Date()
        DispatchQueue.global().async {
            do {
                box.outcome = Outcome(value: try body())
            } catch let error as SaksgangError {
                box.outcome = Outcome(error: error)
            } catch {
                box.foreign = String(describing: type(of: error))
                box.outcome = Outcome()
            }
            done.signal()
        }
        guard done.wait(timeout: .now() + Self.deadline) == .success else {
            XCTFail("\(name): not finished within \(Self.deadline) s", file: file, line: line)
            throw Hang()
        }
        if let foreign = box.foreign { XCTFail("\(name): threw \(foreign), not SaksgangError", file: file, line: line) }
        XCTAssertLessThan(Date().timeIntervalSince(started), Self.deadline, name, file: file, line: line)
        return try XCTUnwrap(box.outcome)
    }
}
