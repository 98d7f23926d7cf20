import Foundation
import Ingest
import SaksgangCore
import XCTest

/// The byte offsets of records in an ISO-8859-1 export are counted by the reader itself
/// instead of by `xmlByteConsumed` per record; in a debug build the reader checks every
/// offset against libxml2's. These documents are large enough for the parts a small fixture
/// never reaches: several reads of the buffer, and a rest of the buffer beyond the 32,000
/// characters libxml2 counts.
final class XMLLatin1OffsetTests: XCTestCase {
    /// The demo's ISO-8859-1 export with the first school's cases repeated to about 700 KB.
    private func largeLatin1Export() throws -> (bytes: [UInt8], records: Int) {
        let path = MappingFixtures.demo("smx_1103_20250620.xml")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        func find(_ text: String, from start: Int = 0) throws -> Int {
            let needle = Array(text.utf8)
            for i in start...(bytes.count - needle.count) where bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            throw XCTSkip("the demo export no longer has \(text)")
        }
        let firstCase = try find("<Sak ")
        let schoolEnd = try find("</Skole>", from: firstCase)
        let cases = Array(bytes[firstCase..<schoolEnd])
        let copies = 700_000 / max(cases.count, 1) + 1
        var out = Array(bytes[..<schoolEnd])
        for _ in 0..<copies { out += cases }
        out += bytes[schoolEnd...]
        let all = try Self.records(out, chunk: .max).count
        return (out, all)
    }

    private static func records(_ bytes: [UInt8], chunk: Int) throws -> [RecordPosition] {
        XMLRecordReader.prepareLibrary()
        let plan = try XCTUnwrap(try MappingFixtures.smx.xmlPlan)
        var positions: [RecordPosition] = []
        try XMLRecordReader(plan: plan).read(MemoryByteSource(bytes, maxChunk: chunk)) { positions.append($0.position) }
        return positions
    }

    func testOffsetsInALargeLatin1Export() throws {
        let (bytes, count) = try largeLatin1Export()
        XCTAssertGreaterThan(bytes.count, 600_000)
        XCTAssertTrue(bytes.contains(0xF8) || bytes.contains(0xE5) || bytes.contains(0xE6), "the export has no ISO-8859-1 letter")
        for chunk in [Int.max, 65_536, 7_001] {
            let positions = try Self.records(bytes, chunk: chunk)
            XCTAssertEqual(positions.count, count, "chunk \(chunk)")
            // libxml2's value stands still while more than 32,000 characters are buffered
            // ahead, so it never falls, but need not rise.
            for (a, b) in zip(positions, positions.dropFirst()) {
                XCTAssertLessThanOrEqual(a.byteOffset, b.byteOffset, "chunk \(chunk): offsets must not fall")
            }
            XCTAssertTrue(positions.allSatisfy { $0.byteOffset > 0 && $0.byteOffset <= Int64(bytes.count) }, "chunk \(chunk)")
        }
    }
}
