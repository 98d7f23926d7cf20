import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// Each reader on each fixture variant, through the committed mapping files.
final class MappingReadFixturesTests: XCTestCase {
    func testSMXGzipMultiMemberUTF8() throws {
        let r = try MappingFixtures.read(MappingFixtures.demo("smx_4601_20250620.xml.gz"), try MappingFixtures.smx)
        XCTAssertEqual(r.cases.count, 22)
        XCTAssertEqual(r.errors.count, 0, "\(r.errors)")
        XCTAssertEqual(r.report.records, 22)
        let first = try XCTUnwrap(r.cases.first)
        XCTAssertEqual(first.body.school.municipality, "4601")
        XCTAssertEqual(first.body.school.name, "Fjellvegen skole")
        XCTAssertEqual(first.body.source, "smx")
        // Export time from the root attribute: 2025-06-20T02:00:00+02:00.
        XCTAssertEqual(first.body.exportTime.description, "2025-06-20T00:00:00Z")
        XCTAssertTrue(r.cases.allSatisfy { $0.body.knowledge != nil })
        XCTAssertTrue(r.cases.contains { !$0.body.events.isEmpty })
        // Events come sorted although the file lists them newest first.
        for c in r.cases { XCTAssertEqual(c.body.events.map(\.time), c.body.events.map(\.time).sorted()) }
    }

    func testSMXLatin1Plain() throws {
        let r = try MappingFixtures.read(MappingFixtures.demo("smx_1103_20250620.xml"), try MappingFixtures.smx)
        XCTAssertEqual(r.cases.count, 22)
        XCTAssertEqual(r.errors.count, 0, "\(r.errors)")
        XCTAssertEqual(Set(r.cases.compactMap(\.body.school.name)), ["Kvernevik skole", "Tasta skole"])
        // A pupil with only a local id is read with it.
        XCTAssertTrue(r.cases.contains { $0.pupilNationalNumber == nil && $0.pupilLocalId != nil }
                      || r.cases.allSatisfy { $0.pupilNationalNumber != nil })
    }

    func testSMCGzipBOMCRLF() throws {
        let r = try MappingFixtures.read(MappingFixtures.demo("smc_0301_20250620.csv.gz"), try MappingFixtures.smc)
        XCTAssertEqual(r.cases.count, 22)
        XCTAssertEqual(r.errors.count, 0, "\(r.errors)")
        XCTAssertEqual(Set(r.cases.compactMap(\.body.school.name)), ["Grünerløkka skole", "Tøyen skole"])
        XCTAssertEqual(r.cases[0].body.exportTime.localDate.description, "2025-06-20")
        XCTAssertTrue(r.report.warnings.isEmpty, "\(r.report.warnings)")
    }

    func testSMCWindows1252() throws {
        let r = try MappingFixtures.read(MappingFixtures.demo("smc_5001_20250619.csv"), try MappingFixtures.smc)
        XCTAssertEqual(r.errors.count, 0, "\(r.errors)")
        XCTAssertEqual(r.cases.count, 12)
        XCTAssertTrue(r.cases.contains { $0.body.school.name == "Åsvang skole" })
        XCTAssertEqual(r.cases[0].body.exportTime.localDate.description, "2025-06-19")
        XCTAssertTrue(r.cases.contains { !$0.body.violations.isEmpty })
    }

    func testLocalIdOnlyPupilsExistInDemo() throws {
        var localOnly = 0
        for (name, mapping) in [("smx_1103_20250620.xml", try MappingFixtures.smx), ("smx_4601_20250620.xml.gz", try MappingFixtures.smx),
                                ("smc_0301_20250620.csv.gz", try MappingFixtures.smc), ("smc_5001_20250620.csv", try MappingFixtures.smc)] {
            let r = try MappingFixtures.read(MappingFixtures.demo(name), mapping)
            localOnly += r.cases.filter { $0.pupilNationalNumber == nil && $0.pupilLocalId != nil }.count
        }
        XCTAssertGreaterThan(localOnly, 0, "the demo must hold a pupil known only by a local id")
    }

    func testUnknownCodeRejectsRecordNamingFieldNotValue() throws {
        let dir = RepoPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try String(contentsOfFile: RepoPaths.fixtures.appendingPathComponent("equivalence/smx_1804_20250620.xml").path, encoding: .utf8)
        let broken = source.replacingOccurrences(of: "meldtAv=\"elev\"", with: "meldtAv=\"Xyzzy\"")
            .replacingOccurrences(of: "meldtAv=\"foresatt\"", with: "meldtAv=\"Xyzzy\"")
        XCTAssertNotEqual(source, broken)
        let path = dir.appendingPathComponent("smx_1804_20250620.xml").path
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try MappingFixtures.read(path, try MappingFixtures.smx)
        XCTAssertFalse(r.errors.isEmpty)
        for e in r.errors {
            XCTAssertEqual(e.code, .unknownCode)
            XCTAssertEqual(e.location.file, "smx_1804_20250620.xml")
            XCTAssertEqual(e.location.field, "reported_by (Kjennskap/@meldtAv)")
            XCTAssertNotNil(e.location.line)
            XCTAssertFalse(e.description.contains("Xyzzy"), "an error must not quote the value")
        }
        XCTAssertEqual(r.cases.count + r.errors.count, 12)
    }

    func testImpossibleDateIsNamed() throws {
        let dir = RepoPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOfFile: RepoPaths.fixtures.appendingPathComponent("equivalence/smc_1804_20250620.csv").path, encoding: .utf8)
        // Make the knowledge date of the first data row 31.02.
        let lines = text.components(separatedBy: "\r\n")
        var fields = lines[1].components(separatedBy: ";")
        let k = lines[0].components(separatedBy: ";").firstIndex(of: "meldt_dato")!
        fields[k] = "31.02.2025 10:00"
        text = ([lines[0], fields.joined(separator: ";")] + lines.dropFirst(2)).joined(separator: "\r\n")
        let path = dir.appendingPathComponent("smc_1804_20250620.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try MappingFixtures.read(path, try MappingFixtures.smc)
        XCTAssertEqual(r.errors.count, 1)
        XCTAssertEqual(r.errors.first?.code, .invalidDate)
        XCTAssertEqual(r.errors.first?.location.record, 1)
        XCTAssertEqual(r.errors.first?.location.line, 2)
        XCTAssertEqual(r.errors.first?.location.field, "knowledge (meldt_dato)")
    }

    /// Values are read from the record's bytes; one with spaces, tabs or line breaks around
    /// it (a quoted field) reads as the same value without them, a date included.
    func testSpacesAroundValuesAreTrimmed() throws {
        let dir = RepoPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = RepoPaths.fixtures.appendingPathComponent("equivalence/smc_1804_20250620.csv").path
        var text = try String(contentsOfFile: original, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        var fields = lines[1].components(separatedBy: ";")
        let header = lines[0].components(separatedBy: ";")
        for name in ["saksnr", "skolenavn", "meldt_dato", "sist_endret", "kjonn"] {
            let i = header.firstIndex(of: name)!
            fields[i] = "\" \t\(fields[i])\n \""
        }
        text = ([lines[0], fields.joined(separator: ";")] + lines.dropFirst(2)).joined(separator: "\r\n")
        let path = dir.appendingPathComponent("smc_1804_20250620.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let padded = try MappingFixtures.read(path, try MappingFixtures.smc)
        let plain = try MappingFixtures.read(original, try MappingFixtures.smc)
        XCTAssertEqual(padded.errors.count, plain.errors.count)
        let a = try XCTUnwrap(padded.cases.first), b = try XCTUnwrap(plain.cases.first)
        XCTAssertEqual(a.caseNumber.revealed, b.caseNumber.revealed)
        XCTAssertEqual(a.body.school.name, b.body.school.name)
        XCTAssertEqual(a.body.knowledge, b.body.knowledge)
        XCTAssertEqual(a.body.lastChanged, b.body.lastChanged)
        XCTAssertEqual(a.body.pupil.gender, b.body.pupil.gender)
        XCTAssertNotNil(a.body.knowledge)
    }
}

/// A CSV delivered without its header line has a data row where the column names should be:
/// nothing said about the header may quote it.
final class HeaderlessCSVTests: XCTestCase {
    func testAFileWithoutHeaderIsRefusedWithoutQuotingTheRow() throws {
        let dir = RepoPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: RepoPaths.fixtures.appendingPathComponent("equivalence/smc_1804_20250620.csv").path,
                              encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        // The personal values of the row: case number, identity number, local id, name.
        let fields = lines[1].components(separatedBy: ";")
        let firstRow = [0, 6, 7, 8].map { fields[$0] }.filter { $0.count >= 4 }
        XCTAssertGreaterThanOrEqual(firstRow.count, 3)
        let path = dir.appendingPathComponent("smc_1804_20250620.csv").path
        try lines.dropFirst().joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        var said: [String] = []
        do {
            let r = try MappingFixtures.read(path, try MappingFixtures.smc)
            said = (r.report.warnings + r.errors).map { "\($0) \($0.location.field ?? "")" }
            XCTFail("a file without its header must not be read")
        } catch let e as SaksgangError {
            XCTAssertEqual(e.code, .csvMissingColumn)
            said.append("\(e) \(e.location.field ?? "")")
        }
        for value in firstRow {
            for line in said { XCTAssertFalse(line.contains(value), "a message quotes a value of the row") }
        }
    }
}
