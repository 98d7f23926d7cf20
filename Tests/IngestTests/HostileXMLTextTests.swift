import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// Element text is gathered by the reader, not capped by libxml2: a gigantic value in a
/// field the mapping reads is refused at the reader's cap instead of filling memory.
final class HostileXMLTextTests: XCTestCase {
    func testGiganticCapturedTextIsRefusedAtTheCap() throws {
        let (mapping, dir) = try HostileXMLTests.namesReadingMapping()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try String(contentsOf: RepoPaths.fixtures.appendingPathComponent("equivalence/smx_1804_20250620.xml"), encoding: .utf8)
        let filler = String(repeating: "Navnesen ", count: 250_000)  // 2.25 MB
        let big = source.replacingOccurrences(of: "<Navn>Ole Somby</Navn>", with: "<Navn>\(filler)</Navn>")
        XCTAssertNotEqual(big, source)
        let path = dir.appendingPathComponent("smx_1804_20250620.xml").path
        try big.write(toFile: path, atomically: true, encoding: .utf8)
        var cases = 0
        XCTAssertThrowsError(try ExportReader(mapping: mapping).read(path: path) { if case .success = $0 { cases += 1 } }) { error in
            let e = error as? SaksgangError
            XCTAssertEqual(e?.code, .xmlValueTooLarge)
            XCTAssertEqual(e?.location.file, "smx_1804_20250620.xml")
            XCTAssertEqual(e?.location.elementPath, "/Eksport/Skole/Sak/Elev/Navn")
            XCTAssertEqual(e?.location.record, 2)
            XCTAssertFalse("\(error)".contains("Navnesen"))
        }
        XCTAssertEqual(cases, 1, "the case before it was read")
    }
}
