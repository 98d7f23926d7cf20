import Ingest
import SaksgangCore
import XCTest

final class EncodingTests: XCTestCase {
    private func code(_ body: () throws -> Void) -> SaksgangError.Code? {
        do { try body() } catch let error as SaksgangError { return error.code } catch { return nil }
        return nil
    }

    // MARK: Windows-1252

    /// Code points of 0x80–0x9F as Python's cp1252 codec gives them (nil = undefined).
    private let cp1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x2C6, 0x2030, 0x160, 0x2039, 0x152, nil, 0x17D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x2DC, 0x2122, 0x161, 0x203A, 0x153, nil, 0x17E, 0x178,
    ]

    func testWindows1252WholeTable() throws {
        for byte in 0...255 {
            let expected: UInt32? = (0x80...0x9F).contains(byte) ? cp1252High[byte - 0x80] : UInt32(byte)
            XCTAssertEqual(Windows1252.scalar(for: UInt8(byte))?.value, expected, "byte \(byte)")
            if let expected {
                let text = try Windows1252.decode([UInt8(byte)])
                XCTAssertEqual(text.unicodeScalars.map(\.value), [expected], "byte \(byte)")
            }
        }
    }

    func testWindows1252NorwegianText() throws {
        // "Bø på Ærø – 5 €" in Windows-1252.
        let bytes: [UInt8] = [0x42, 0xF8, 0x20, 0x70, 0xE5, 0x20, 0xC6, 0x72, 0xF8, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]
        XCTAssertEqual(try Windows1252.decode(bytes), "Bø på Ærø – 5 €")
    }

    func testWindows1252UndefinedBytesAreErrors() {
        for byte: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            XCTAssertTrue(Windows1252.isUndefined(byte))
            var output: [UInt8] = []
            do {
                try [0x61, byte].withUnsafeBytes { raw in
                    try Result { () throws(SaksgangError) in
                        try Windows1252.appendUTF8(of: raw, to: &output, baseOffset: 100)
                    }.get()
                }
                XCTFail("byte \(byte) accepted")
            } catch let error as SaksgangError {
                XCTAssertEqual(error.code, .invalidEncoding)
                XCTAssertEqual(error.location.byteOffset, 101)
            } catch {
                XCTFail("\(error)")
            }
        }
        XCTAssertFalse(Windows1252.isUndefined(0x80))
    }

    // MARK: UTF-8

    private func outcome(_ bytes: [UInt8]) -> UTF8Validation.Outcome {
        bytes.withUnsafeBytes { UTF8Validation.check($0) }
    }

    func testValidUTF8() {
        for text in ["", "ascii only, longer than eight bytes", "æøå ÆØÅ", "€", "😀 and 𝄞", "Sámi ŋ ŧ đ"] {
            XCTAssertEqual(outcome(Array(text.utf8)), .valid, text)
        }
        XCTAssertEqual(outcome([0xF4, 0x8F, 0xBF, 0xBF]), .valid, "U+10FFFF")
        XCTAssertEqual(outcome([0xED, 0x9F, 0xBF]), .valid, "U+D7FF")
    }

    func testInvalidUTF8NamesTheOffset() {
        let prefix = Array("0123456789abc".utf8)  // past the eight-byte fast path
        let cases: [([UInt8], String)] = [
            ([0x80], "lone continuation"),
            ([0xC0, 0xAF], "overlong 2-byte"),
            ([0xC1, 0xBF], "overlong 2-byte"),
            ([0xE0, 0x80, 0xAF], "overlong 3-byte"),
            ([0xF0, 0x80, 0x80, 0xAF], "overlong 4-byte"),
            ([0xED, 0xA0, 0x80], "surrogate"),
            ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"),
            ([0xF5, 0x80, 0x80, 0x80], "F5 lead"),
            ([0xFF], "FF"),
            ([0xC3, 0x41], "missing continuation"),
            ([0xE2, 0x82, 0x41], "missing third byte"),
        ]
        for (bad, name) in cases {
            XCTAssertEqual(outcome(prefix + bad + Array("tail".utf8)), .invalid(at: prefix.count), name)
        }
    }

    func testIncompleteUTF8AtTheEnd() {
        XCTAssertEqual(outcome(Array("abc".utf8) + [0xE2, 0x82]), .incomplete(at: 3))
        XCTAssertEqual(outcome([0xF0, 0x9F, 0x98]), .incomplete(at: 0))
        XCTAssertEqual(code { _ = try UTF8Validation.decode([0x61, 0xE2, 0x82]) }, .invalidEncoding)
        XCTAssertEqual(try UTF8Validation.decode(Array("Ærø".utf8)), "Ærø")
    }

    // MARK: BOM and ISO-8859-1

    func testByteOrderMark() {
        XCTAssertEqual(Array(ByteOrderMark.strippingUTF8([0xEF, 0xBB, 0xBF, 0x61])), [0x61])
        XCTAssertEqual(Array(ByteOrderMark.strippingUTF8([0xEF, 0xBB, 0x61])), [0xEF, 0xBB, 0x61])
        XCTAssertEqual([UInt8]([0xEF, 0xBB, 0xBF]).withUnsafeBytes { ByteOrderMark.utf8Length(at: $0) }, 3)
        XCTAssertEqual([UInt8]([0xEF, 0xBB]).withUnsafeBytes { ByteOrderMark.utf8Length(at: $0) }, 0)
    }

    func testLatin1() {
        XCTAssertEqual(Latin1.decode([0x42, 0xF8, 0x20, 0xC6, 0xD8, 0xC5, 0x80, 0xFF]), "Bø ÆØÅ\u{80}ÿ")
        let all = Latin1.decode((0...255).map { UInt8($0) })
        XCTAssertEqual(all.unicodeScalars.map(\.value), Array(0...255))
    }
}
