import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// The readers hold no format knowledge: rename elements, attributes and columns in copies
/// of the fixtures, edit only copies of the mapping files, and the same cases come out.
final class MappingRenameTests: XCTestCase {
    func testRenamedXMLReadsTheSameCases() throws {
        let dir = RepoPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = RepoPaths.fixtures.appendingPathComponent("equivalence/smx_1804_20250620.xml").path
        let xmlRenames = [("<Sak ", "<Case "), ("</Sak>", "</Case>"), ("<Elev ", "<Pupil "), ("</Elev>", "</Pupil>"),
                          (" fnr=", " pid="), ("<Hendelse ", "<Entry "), (" tidspunkt=", " at="), ("<Skole ", "<Unit "),
                          ("</Skole>", "</Unit>"), (" orgnr=", " org="), ("Krenkelse type=", "Violation kind=")]
        let mappingRenames = [("/Eksport/Skole/Sak", "/Eksport/Unit/Case"), ("Elev/@fnr", "Pupil/@pid"), ("\"Elev/@", "\"Pupil/@"),
                              ("Hendelser/Hendelse", "Hendelser/Entry"), ("@tidspunkt", "@at"), ("../@orgnr", "../@org"),
                              ("Krenkelser/Krenkelse/@type", "Krenkelser/Violation/@kind")]
        let (a, b) = try readBoth(original: original, mapping: "smx.yml", dir: dir, renames: xmlRenames, mappingRenames: mappingRenames)
        XCTAssertEqual(a.count, 12)
        XCTAssertEqual(a, b)
    }

    func testRenamedCSVReadsTheSameCases() throws {
        let dir = RepoPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = RepoPaths.fixtures.appendingPathComponent("equivalence/smc_1804_20250620.csv").path
        let renames = [("saksnr;", "case_no;"), (";meldt_dato;", ";known_at;"), (";elev_fnr;", ";pupil_id;"),
                       (";forste_kontakt_hjem;", ";first_home_contact;"), (";krenkelsestyper;", ";violation_kinds;")]
        let mappingRenames = [("case_number: saksnr", "case_number: case_no"), ("from: meldt_dato", "from: known_at"),
                              ("pupil_national_number: elev_fnr", "pupil_national_number: pupil_id"),
                              ("from: forste_kontakt_hjem", "from: first_home_contact"),
                              ("from: krenkelsestyper", "from: violation_kinds")]
        let (a, b) = try readBoth(original: original, mapping: "smc.yml", dir: dir, renames: renames, mappingRenames: mappingRenames)
        XCTAssertEqual(a.count, 12)
        XCTAssertEqual(a, b)
    }

    struct Key: Equatable {
        var caseNumber: String, national: String?, local: String?, body: Case
    }

    private func readBoth(original: String, mapping: String, dir: URL, renames: [(String, String)],
                          mappingRenames: [(String, String)]) throws -> ([Key], [Key]) {
        let mappingPath = RepoPaths.pipelines.appendingPathComponent("mappings/\(mapping)").path
        var text = try String(contentsOfFile: original, encoding: .utf8)
        var mappingText = try String(contentsOfFile: mappingPath, encoding: .utf8)
        for (from, to) in renames {
            XCTAssertTrue(text.contains(from), "fixture lacks \(from)")
            text = text.replacingOccurrences(of: from, with: to)
        }
        for (from, to) in mappingRenames {
            XCTAssertTrue(mappingText.contains(from), "mapping lacks \(from)")
            mappingText = mappingText.replacingOccurrences(of: from, with: to)
        }
        let name = (original as NSString).lastPathComponent
        let renamedFile = dir.appendingPathComponent(name).path
        let renamedMapping = dir.appendingPathComponent(mapping).path
        try text.write(toFile: renamedFile, atomically: true, encoding: .utf8)
        try mappingText.write(toFile: renamedMapping, atomically: true, encoding: .utf8)

        func keys(_ path: String, _ m: CompiledMapping) throws -> [Key] {
            let r = try MappingFixtures.read(path, m)
            XCTAssertEqual(r.errors.count, 0, "\(r.errors)")
            return r.cases.map { Key(caseNumber: $0.caseNumber.revealed, national: $0.pupilNationalNumber?.revealed,
                                     local: $0.pupilLocalId?.revealed, body: $0.body) }
        }
        return (try keys(original, try CompiledMapping(contentsOfFile: mappingPath)),
                try keys(renamedFile, try CompiledMapping(contentsOfFile: renamedMapping)))
    }
}
