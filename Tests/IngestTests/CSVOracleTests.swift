import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// Compares CSVReader with Python's csv module on the tricky inputs that
/// Fixtures/csv-oracle/make_expected.py wrote (inputs and expected rows are committed).
final class CSVOracleTests: XCTestCase {
    private struct Expected: Decodable {
        var header: [String]
        var rows: [[String]]
        var lines: [Int]
        var encoding: String
    }

    private var folder: URL { RepoPaths.fixtures.appendingPathComponent("csv-oracle") }

    private func cases() throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(contentsOf: folder.appendingPathComponent("cases.json")))
    }

    private func check(_ name: String, source: any ByteSource, options: CSVOptions, label: String) throws {
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: folder.appendingPathComponent("\(name).json")))
        let reader = try CSVReader(source: source, options: options)
        XCTAssertEqual(reader.header, expected.header, "\(name) \(label): header")
        var rows: [[String]] = []
        var lines: [Int] = []
        while try reader.nextRow() {
            XCTAssertEqual(reader.rowNumber, rows.count + 1, "\(name) \(label)")
            rows.append((0..<reader.fieldCount).map { reader.string(at: $0) })
            lines.append(reader.rowLine)
            for index in 0..<reader.fieldCount {
                XCTAssertEqual(reader.isEmpty(at: index), rows.last![index].isEmpty, "\(name) \(label): isEmpty")
            }
        }
        XCTAssertEqual(rows.count, expected.rows.count, "\(name) \(label): row count")
        for (index, pair) in zip(rows, expected.rows).enumerated() {
            XCTAssertEqual(pair.0, pair.1, "\(name) \(label): row \(index + 1)")
        }
        XCTAssertEqual(lines, expected.lines, "\(name) \(label): lines")
        XCTAssertEqual(reader.encoding.rawValue, expected.encoding, "\(name) \(label): encoding")
        XCTAssertFalse(try reader.nextRow(), "\(name) \(label): stays at the end")
    }

    func testEveryCaseMatchesPython() throws {
        let names = try cases()
        XCTAssertGreaterThanOrEqual(names.count, 10)
        for name in names {
            let path = folder.appendingPathComponent("\(name).csv").path
            try check(name, source: try FileByteSource(path: path), options: .init(), label: "file")
        }
    }

    /// The same cases with a 16-byte starting buffer and a source that hands out 1, 3 or 7
    /// bytes at a time, so every record, quote pair, CRLF and multi-byte character meets a
    /// buffer edge somewhere.
    func testEveryCaseAcrossBufferEdges() throws {
        for name in try cases() {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("\(name).csv")))
            for chunk in [1, 3, 7] {
                let options = CSVOptions(initialBufferBytes: 16)
                try check(name, source: MemoryByteSource(bytes, maxChunk: chunk), options: options,
                          label: "chunk \(chunk)")
            }
        }
    }

    func testGzippedCaseThroughByteSources() throws {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("smc_like.csv")))
        let directory = RepoPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("smc_test.csv.gz").path
        FileManager.default.createFile(atPath: path, contents: Data(GzipTestWriter.member(bytes)))
        try check("smc_like", source: try ByteSources.open(path: path), options: .init(), label: "gzip")
    }
}
