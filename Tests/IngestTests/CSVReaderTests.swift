import Ingest
import SaksgangCore
import XCTest

/// Errors, positions and encoding detection of CSVReader (the row content itself is
/// compared with Python in CSVOracleTests).
final class CSVReaderTests: XCTestCase {
    private func reader(_ bytes: [UInt8], _ options: CSVOptions = .init(), chunk: Int = .max) throws -> CSVReader {
        try CSVReader(source: MemoryByteSource(bytes, maxChunk: chunk), options: options)
    }

    private func reader(_ text: String, _ options: CSVOptions = .init()) throws -> CSVReader {
        try reader(Array(text.utf8), options)
    }

    /// Reads all rows; returns them as strings.
    @discardableResult
    private func rows(_ reader: CSVReader) throws -> [[String]] {
        var result: [[String]] = []
        while try reader.nextRow() { result.append(reader.strings()) }
        return result
    }

    private func error(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> SaksgangError? {
        do {
            try body()
            XCTFail("expected an error", file: file, line: line)
        } catch let error as SaksgangError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }

    // MARK: Errors

    func testUnbalancedQuoteNamesTheLineWhereItOpened() throws {
        let text = "a;b\n1;2\n3;\"opens here\nand\ngoes on\n"
        let csv = try reader(text)
        var delivered = 0
        let failure = error { while try csv.nextRow() { delivered += 1 } }
        XCTAssertEqual(failure?.code, .csvUnbalancedQuote)
        XCTAssertEqual(failure?.location.line, 3)
        XCTAssertEqual(failure?.location.record, 2)
        XCTAssertEqual(failure?.location.byteOffset, 10)
        XCTAssertEqual(delivered, 1)
    }

    func testUnbalancedQuoteAcrossBufferEdges() throws {
        let text = "a;b\n1;2\n\n3;\"x\ny\"\"z\n"
        let csv = try reader(Array(text.utf8), CSVOptions(initialBufferBytes: 16), chunk: 2)
        let failure = error { try rows(csv) }
        XCTAssertEqual(failure?.code, .csvUnbalancedQuote)
        XCTAssertEqual(failure?.location.line, 4)
    }

    func testNulByte() throws {
        let csv = try reader([UInt8]("a;b\n1;x".utf8) + [0] + [UInt8]("y\n".utf8))
        let failure = error { try rows(csv) }
        XCTAssertEqual(failure?.code, .nulByte)
        XCTAssertEqual(failure?.location.line, 2)
        XCTAssertEqual(failure?.location.byteOffset, 7)
        XCTAssertEqual(failure?.location.record, 1)
    }

    func testNulByteInsideQuotes() throws {
        let csv = try reader([UInt8]("a;b\n1;\"x\ny".utf8) + [0] + [UInt8]("\"\n".utf8))
        let failure = error { try rows(csv) }
        XCTAssertEqual(failure?.code, .nulByte)
        XCTAssertEqual(failure?.location.line, 3)
    }

    func testFieldTooLarge() throws {
        let options = CSVOptions(maxFieldBytes: 10)
        XCTAssertEqual(try rows(try reader("a;b\n1;0123456789\n", options)), [["1", "0123456789"]])
        let csv = try reader("a;b\n1;2\n3;0123456789A\n", options)
        let failure = error { try rows(csv) }
        XCTAssertEqual(failure?.code, .csvFieldTooLarge)
        XCTAssertEqual(failure?.location.line, 3)
        XCTAssertEqual(failure?.location.record, 2)
    }

    func testGiganticFieldIsRefusedBeforeItIsBuffered() throws {
        // 4 MB without a delimiter or line break: refused at the 64 kB cap, not read whole.
        let source = MemoryByteSource([UInt8]("a;b\n1;".utf8) + [UInt8](repeating: 0x78, count: 4 << 20))
        let csv = try CSVReader(source: source, options: CSVOptions(maxFieldBytes: 64 << 10, initialBufferBytes: 4096))
        XCTAssertEqual(error { try rows(csv) }?.code, .csvFieldTooLarge)
        XCTAssertLessThan(source.position, 1 << 20)
    }

    func testRecordTooLarge() throws {
        let fields = Array(repeating: "abcd", count: 30).joined(separator: ";")
        let csv = try reader("h\n\(fields)\n", CSVOptions(maxRecordBytes: 100))
        XCTAssertEqual(error { try rows(csv) }?.code, .csvFieldTooLarge)
    }

    func testWrongDelimiter() throws {
        for text in ["a,b,c\n1,2,3\n", "a\tb\tc\n1\t2\t3\n"] {
            XCTAssertEqual(error { _ = try reader(text) }?.code, .csvWrongDelimiter)
        }
        let comma = try reader("a,b,c\n1,2,3\n", CSVOptions(delimiter: UInt8(ascii: ",")))
        XCTAssertEqual(comma.header, ["a", "b", "c"])
        XCTAssertEqual(try rows(comma), [["1", "2", "3"]])
        // A real single-column file is fine.
        XCTAssertEqual(try reader("saksnr\n2025-1\n").header, ["saksnr"])
    }

    func testEmptyFile() throws {
        for bytes: [UInt8] in [[], ByteOrderMark.utf8, Array("\n\r\n\n".utf8)] {
            XCTAssertEqual(error { _ = try reader(bytes) }?.code, .emptyFile, "\(bytes)")
        }
    }

    func testHeaderOnlyHasNoRows() throws {
        for text in ["a;b;c\n", "a;b;c", "a;b;c\r\n\r\n"] {
            let csv = try reader(text)
            XCTAssertEqual(csv.header, ["a", "b", "c"])
            XCTAssertFalse(try csv.nextRow())
            XCTAssertEqual(csv.rowNumber, 0)
        }
    }

    func testInvalidUTF8AfterBOMNamesLineAndOffset() throws {
        let prefix = ByteOrderMark.utf8 + Array("a;b\n1;æ\n2;".utf8)
        let bytes = prefix + [0xFF] + Array("x\n3;y\n".utf8)
        let csv = try reader(bytes)
        XCTAssertEqual(csv.encoding, .utf8)
        XCTAssertTrue(try csv.nextRow())
        XCTAssertEqual(csv.string(at: 1), "æ")
        let failure = error { _ = try csv.nextRow() }
        XCTAssertEqual(failure?.code, .invalidEncoding)
        XCTAssertEqual(failure?.location.line, 3)
        XCTAssertEqual(failure?.location.byteOffset, Int64(prefix.count))
        XCTAssertEqual(failure?.location.record, 2)
    }

    func testInvalidUTF8IsFoundInFieldsNeverAskedFor() throws {
        // An overlong encoding of '/' (C0 AF) in the last field of the only row.
        let bytes = ByteOrderMark.utf8 + Array("a;b\nx;".utf8) + [0xC0, 0xAF] + Array("\n".utf8)
        let csv = try reader(bytes)
        XCTAssertEqual(error { _ = try csv.nextRow() }?.code, .invalidEncoding)
    }

    func testUTF8CutOffAtTheEndAfterBOM() throws {
        let bytes = ByteOrderMark.utf8 + Array("a;b\nx;".utf8) + [0xE2, 0x82]
        let csv = try reader(bytes, chunk: 3)
        let failure = error { try rows(csv) }
        XCTAssertEqual(failure?.code, .invalidEncoding)
        XCTAssertEqual(failure?.location.byteOffset, Int64(bytes.count - 2))
    }

    // MARK: Encoding detection

    func testAutoDetectsWindows1252WithoutBOM() throws {
        let bytes: [UInt8] = Array("skole;bel".utf8) + [0xF8] + Array("p\nB".utf8) + [0xF8]
            + Array(" skole;".utf8) + [0x80] + Array(" 5\n".utf8)
        let csv = try reader(bytes, chunk: 5)
        XCTAssertEqual(csv.encoding, .windows1252)
        XCTAssertEqual(csv.header, ["skole", "beløp"])
        XCTAssertEqual(try rows(csv), [["Bø skole", "€ 5"]])
        XCTAssertFalse(csv.hadByteOrderMark)
    }

    func testAutoDetectsUTF8WithoutBOM() throws {
        let csv = try reader("skole;beløp\nBø skole;€ 5\n")
        XCTAssertEqual(try rows(csv), [["Bø skole", "€ 5"]])
        XCTAssertEqual(csv.encoding, .utf8)
    }

    func testAutoDecisionAtALaterRow() throws {
        // ASCII header and first row; the first non-ASCII byte (0xE6, 'æ' in 1252) decides.
        let bytes = Array("a;b\n1;2\n3;".utf8) + [0xE6] + Array("re\n".utf8)
        let csv = try reader(bytes)
        XCTAssertEqual(try rows(csv), [["1", "2"], ["3", "ære"]])
        XCTAssertEqual(csv.encoding, .windows1252)
    }

    func testAutoUTF8ThenWindows1252ByteIsAnError() throws {
        let bytes = Array("a;b\n1;ø\n2;".utf8) + [0xF8] + Array("\n".utf8)
        let csv = try reader(bytes)
        let failure = error { try rows(csv) }
        XCTAssertEqual(failure?.code, .invalidEncoding)
        XCTAssertEqual(failure?.location.line, 3)
    }

    func testPureASCIIReportsUTF8() throws {
        let csv = try reader("a;b\n1;2\n")
        try rows(csv)
        XCTAssertEqual(csv.encoding, .utf8)
    }

    func testForcedEncodings() throws {
        let latin = Array("a\n".utf8) + [0xC6, 0xD8, 0xC5] + Array("\n".utf8)
        XCTAssertEqual(try rows(try reader(latin, CSVOptions(encoding: .windows1252))), [["ÆØÅ"]])
        XCTAssertEqual(error { try rows(try reader(latin, CSVOptions(encoding: .utf8))) }?.code, .invalidEncoding)
        let undefined = Array("a\nx".utf8) + [0x81] + Array("\n".utf8)
        XCTAssertEqual(error { try rows(try reader(undefined, CSVOptions(encoding: .windows1252))) }?.code,
                       .invalidEncoding)
        XCTAssertEqual(error { try rows(try reader(undefined)) }?.code, .invalidEncoding,
                       "auto: 0x81 is not UTF-8, so 1252, where it is undefined")
    }

    // MARK: Positions and fields

    func testRowPositions() throws {
        let text = "\u{FEFF}h1;h2\r\n\r\na;\"x\r\ny\"\r\nb;c\n\nd;e"
        let bytes = Array(text.utf8)
        let csv = try reader(bytes, CSVOptions(initialBufferBytes: 16), chunk: 4)
        XCTAssertTrue(csv.hadByteOrderMark)
        XCTAssertEqual(csv.header, ["h1", "h2"])
        var seen: [(Int, Int, Int64)] = []
        while try csv.nextRow() { seen.append((csv.rowNumber, csv.rowLine, csv.rowByteOffset)) }
        let offsetOfA = Int64(3 + "h1;h2\r\n\r\n".utf8.count)
        let offsetOfB = offsetOfA + Int64("a;\"x\r\ny\"\r\n".utf8.count)
        let offsetOfD = offsetOfB + Int64("b;c\n\n".utf8.count)
        XCTAssertEqual(seen.map { $0.0 }, [1, 2, 3])
        XCTAssertEqual(seen.map { $0.1 }, [3, 5, 7])
        XCTAssertEqual(seen.map { $0.2 }, [offsetOfA, offsetOfB, offsetOfD])
    }

    func testFieldAccessOutOfRangeAndEmptiness() throws {
        let csv = try reader("a;b;c\n;\"\";\"\"\"\"\n")
        XCTAssertTrue(try csv.nextRow())
        XCTAssertEqual(csv.fieldCount, 3)
        XCTAssertTrue(csv.isEmpty(at: 0))
        XCTAssertTrue(csv.isEmpty(at: 1))
        XCTAssertFalse(csv.isEmpty(at: 2))
        XCTAssertEqual(csv.string(at: 2), "\"")
        XCTAssertEqual(csv.string(at: 3), "")
        XCTAssertEqual(csv.string(at: -1), "")
        XCTAssertTrue(csv.isEmpty(at: 7))
    }

    func testHeaderNamesAreTrimmed() throws {
        XCTAssertEqual(try reader(" saksnr ;\tskole\t; \"navn\" \n").header, ["saksnr", "skole", "\"navn\""])
        XCTAssertEqual(try reader("\"saksnr\";\" skole \"\n").header, ["saksnr", "skole"])
    }

    func testDelimiterMustNotBeAQuoteOrLineBreak() throws {
        XCTAssertEqual(error { _ = try reader("a\n", CSVOptions(delimiter: UInt8(ascii: "\""))) }?.code,
                       .configuration)
    }

    func testLargeRecordsGrowTheBuffer() throws {
        let big = String(repeating: "é", count: 40_000)  // 80 kB field
        let text = "a;b\n1;\"\(big)\"\n2;x\n"
        let csv = try reader(Array(text.utf8), CSVOptions(initialBufferBytes: 1024), chunk: 999)
        XCTAssertEqual(try rows(csv), [["1", big], ["2", "x"]])
    }
}
