import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// Hostile and broken XML in Fixtures/hostile/: DOCTYPEs of every kind refused before any
/// entity is expanded or loaded, deep nesting, a cut-off document, bytes invalid for the
/// declared encoding, an HTML error page, an empty file.
final class HostileXMLTests: XCTestCase {
    /// The SMX mapping changed to read the pupil's name text (`Elev/Navn`) as the local id
    /// and the school name attribute: the two places the fixtures plant entity references,
    /// so that an expanded entity would show up in a case.
    static func namesReadingMapping() throws -> (CompiledMapping, URL) {
        let dir = RepoPaths.temporaryDirectory()
        let yaml = try String(contentsOf: RepoPaths.pipelines.appendingPathComponent("mappings/smx.yml"), encoding: .utf8)
            .replacingOccurrences(of: "pupil_local_id: \"Elev/@lokalId\"", with: "pupil_local_id: \"Elev/Navn\"")
            .replacingOccurrences(of: "ignore: [\"Elev/Navn\", ", with: "ignore: [")
        let path = dir.appendingPathComponent("smx-names.yml")
        try yaml.write(to: path, atomically: true, encoding: .utf8)
        return (try CompiledMapping(contentsOfFile: path.path), dir)
    }

    /// Without this the entity tests below would prove nothing: the mapping really reads
    /// the name text and the school name.
    func testTheNamesReadingMappingReadsNameText() throws {
        let (mapping, dir) = try Self.namesReadingMapping()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ExportReader(mapping: mapping).read(path: RepoPaths.fixtures.appendingPathComponent("equivalence/smx_1804_20250620.xml").path) { result in
            guard case .success(let c) = result else { return XCTFail("\(result)") }
            XCTAssertNotNil(c.pupilLocalId)
            XCTAssertNotNil(c.body.school.name)
        }
        XCTAssertEqual(r.records, 12)
    }

    private let passwdMarkers: [String] = {
        var markers = ["root:", ":/bin/", "/usr/sbin/nologin", "/etc/passwd"]
        if let passwd = try? String(contentsOfFile: "/etc/passwd", encoding: .utf8),
           let first = passwd.split(separator: "\n").first { markers.append(String(first)) }
        return markers
    }()

    /// A DOCTYPE file: refused with `.xmlDoctype` at the DOCTYPE (line 2, no element yet),
    /// before any record, within a second, and nothing of an entity's replacement text or of
    /// /etc/passwd in the error or in anything delivered.
    private func assertDoctypeRefused(_ name: String, line: Int = 2, file: StaticString = #filePath, at: UInt = #line) throws {
        let (mapping, dir) = try Self.namesReadingMapping()
        defer { try? FileManager.default.removeItem(at: dir) }
        for m in [try Hostile.mapping(for: name), mapping] {
            let out = try Hostile.read(name, mapping: m)
            let e = try XCTUnwrap(out.failure, name, file: file, line: at)
            XCTAssertEqual(e.code, .xmlDoctype, "\(e)", file: file, line: at)
            XCTAssertEqual(e.location.file, name, file: file, line: at)
            XCTAssertEqual(e.location.line, line, file: file, line: at)
            XCTAssertNotNil(e.location.byteOffset, file: file, line: at)
            XCTAssertNil(e.location.elementPath, "refused before the root element", file: file, line: at)
            XCTAssertTrue(out.cases.isEmpty && out.recordErrors.isEmpty, "nothing is delivered", file: file, line: at)
            XCTAssertLessThan(out.seconds, 1.0, "refused at once, not after an expansion", file: file, line: at)
            Hostile.assertNoPersonalValue(in: e.description, of: name, file: file, line: at)
            for marker in passwdMarkers + ["lol", "AAAAAAAAAA"] {
                XCTAssertFalse(e.description.contains(marker), "\(name): \(marker)", file: file, line: at)
            }
        }
    }

    func testEntityExpansionBombInTextIsRefused() throws {
        try assertDoctypeRefused("smx_9201_20250620.xml")
    }

    func testExternalEntityToEtcPasswdIsRefused() throws {
        try assertDoctypeRefused("smx_9202_20250620.xml")
    }

    func testParameterEntityIsRefused() throws {
        try assertDoctypeRefused("smx_9203_20250620.xml")
    }

    /// Entities declared in the internal subset and referenced from attribute values that the
    /// mapping reads (a 100 MB bomb in the school name, a code in `meldtAv`).
    func testEntityUsedInAttributeValuesIsRefusedBeforeExpansion() throws {
        try assertDoctypeRefused("smx_9204_20250620.xml")
    }

    func testExternalDTDWithoutInternalSubsetIsRefused() throws {
        try assertDoctypeRefused("smx_9205_20250620.xml")
    }

    func testHTMLErrorPageWithDoctypeIsRefused() throws {
        try assertDoctypeRefused("smx_9210_20250620.xml", line: 1)
    }

    func testHTMLErrorPageIsTheWrongRoot() throws {
        let e = try Hostile.refusal("smx_9209_20250620.xml", .xmlWrongRoot)
        XCTAssertEqual(e.location.elementPath, "/html")
        XCTAssertEqual(e.location.line, 1)
        XCTAssertNotNil(e.location.byteOffset)
        XCTAssertTrue(e.message.contains("Eksport"), "names the root the mapping expects")
    }

    func testTenThousandLevelsOfNestingAreRefusedAtTheDepthCap() throws {
        let out = try Hostile.read("smx_9206_20250620.xml")
        let e = try XCTUnwrap(out.failure)
        XCTAssertEqual(e.code, .xmlTooDeep)
        XCTAssertEqual(e.location.file, "smx_9206_20250620.xml")
        XCTAssertEqual(e.location.record, 1)
        XCTAssertEqual(e.location.line, 14)
        XCTAssertNotNil(e.location.byteOffset)
        let path = try XCTUnwrap(e.location.elementPath)
        XCTAssertTrue(path.hasPrefix("/Eksport/Skole/Sak/x/x/"), path)
        XCTAssertEqual(path.split(separator: "/").count, 65, "refused at the first level past 64")
        XCTAssertLessThan(out.seconds, 1.0)
        Hostile.assertNoPersonalValue(in: e.description, of: "smx_9206_20250620.xml")
    }

    /// libxml2's push parser has no depth limit of its own (its 256-level limit applies
    /// only to the pull parser), so the reader's cap is the guard. With the cap lifted the
    /// same 10,000 levels are walked without recursion or crash, and the case is read:
    /// the refusal above comes from the cap, not from the parser giving up.
    func testDeepNestingWithoutTheReadersCapIsWalkedWithoutCrashing() throws {
        let mapping = try MappingFixtures.smx
        let reader = XMLRecordReader(plan: try XCTUnwrap(mapping.xmlPlan))
        reader.maxDepth = 100_000
        let source = try ByteSources.open(path: Hostile.path("smx_9206_20250620.xml"))
        var records = 0
        try reader.read(source) { _ in records += 1 }
        XCTAssertEqual(records, 1)
    }

    func testCutOffDocumentIsRefusedWhereItEnds() throws {
        let name = "smx_9207_20250620.xml"
        let out = try Hostile.read(name)
        let e = try XCTUnwrap(out.failure)
        XCTAssertEqual(e.code, .xmlMalformed)
        XCTAssertEqual(e.location.file, name)
        XCTAssertTrue(e.message.contains("cut off"), e.message)
        XCTAssertEqual(e.location.record, 2)
        XCTAssertEqual(e.location.elementPath, "/Eksport/Skole/Sak/Hendelser")
        XCTAssertEqual(e.location.byteOffset, try Hostile.size(name))
        XCTAssertNotNil(e.location.line)
        // The first case was complete and delivered before the end was found; the caller
        // rolls the file back as a whole.
        XCTAssertEqual(out.cases.count, 1)
        Hostile.assertNoPersonalValue(in: e.description, of: name)
    }

    func testLatin1BytesInAUTF8DocumentAreAnEncodingError() throws {
        let name = "smx_9208_20250620.xml"
        let e = try Hostile.refusal(name, .invalidEncoding)
        XCTAssertEqual(e.location.record, 2)
        XCTAssertEqual(e.location.line, 21)
        XCTAssertEqual(e.location.elementPath, "/Eksport/Skole/Sak/Elev/Navn")
        let offset = try XCTUnwrap(e.location.byteOffset)
        let bad = try Hostile.offset(of: 0xF8, in: name)
        XCTAssertTrue((bad - 64...bad + 64) ~= offset, "offset \(offset) near the bad byte at \(bad)")
    }

    func testEmptyXMLFile() throws {
        let e = try Hostile.refusal("smx_9211_20250620.xml", .emptyFile)
        XCTAssertEqual(e.location.byteOffset, 0)
    }

    func testPartFilesAreNotMatchedByTheMappings() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: Hostile.path("smx_9501_20250620.xml.part")))
        XCTAssertFalse(try MappingFixtures.smx.matches(fileName: "smx_9501_20250620.xml.part"))
        XCTAssertTrue(try MappingFixtures.smx.matches(fileName: "smx_9501_20250620.xml"))
    }
}
