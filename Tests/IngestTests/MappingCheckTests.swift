import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// `saksgang mapping check` and the checks that guard a run: every mistake in a mapping
/// file is named with its file, line and key; samples read through the real readers show
/// typos in paths, wrong record paths and codes missing from a table, never a personal value.
final class MappingCheckTests: XCTestCase {
    static var smx: String { try! String(contentsOf: RepoPaths.pipelines.appendingPathComponent("mappings/smx.yml"), encoding: .utf8) }
    static var smc: String { try! String(contentsOf: RepoPaths.pipelines.appendingPathComponent("mappings/smc.yml"), encoding: .utf8) }

    /// `text` with `old` replaced by `new` exactly once.
    func edit(_ text: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        XCTAssertEqual(text.components(separatedBy: old).count, 2, "'\(old)' must occur once", file: file, line: line)
        return text.replacingOccurrences(of: old, with: new)
    }

    func lineNumber(of needle: String, in text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
    }

    func onlyError(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> MappingProblem? {
        let d = MappingDocument(yaml: yaml, file: "vendor.yml")
        XCTAssertEqual(d.errors.count, 1, "\(d.problems)", file: file, line: line)
        XCTAssertNil(d.compiled, file: file, line: line)
        return d.errors.first
    }

    func testTheShippedMappingsHaveNoProblem() {
        for name in ["smx.yml", "smc.yml", "examples/timeline.yml"] {
            let d = MappingDocument(contentsOfFile: RepoPaths.pipelines.appendingPathComponent("mappings/" + name).path)
            XCTAssertEqual(d.problems, [], name)
            XCTAssertNotNil(d.compiled, name)
        }
    }

    func testAQuoteNotClosedIsNamedWithItsLine() throws {
        let yaml = edit(Self.smx, #"gender: "Elev/@kjonn""#, #"gender: "Elev/@kjonn"#)
        let e = try XCTUnwrap(onlyError(yaml))
        XCTAssertEqual(e.file, "vendor.yml")
        XCTAssertEqual(e.line, lineNumber(of: "gender:", in: yaml))
        XCTAssertTrue(e.message.hasPrefix("a quote that is not closed"), e.message)
        XCTAssertTrue(e.description.hasPrefix("vendor.yml:\(e.line!):"), e.description)
    }

    func testATabIsNamedWithItsLine() throws {
        let yaml = edit(Self.smx, "  gender: ", "\tgender: ")
        let e = try XCTUnwrap(onlyError(yaml))
        XCTAssertEqual(e.line, lineNumber(of: "gender:", in: yaml))
        XCTAssertTrue(e.message.contains("tab"), e.message)
    }

    func testABadIndentationIsNamedWithItsLine() throws {
        let yaml = edit(Self.smx, "  gender: ", "   gender: ")
        let e = try XCTUnwrap(onlyError(yaml))
        XCTAssertEqual(e.line, lineNumber(of: "gender:", in: yaml))
    }

    func testADuplicateKeyIsNamedWithTheLineOfItsSecondOccurrence() throws {
        let yaml = edit(Self.smx, "  grade: \"Elev/@trinn\"\n", "  grade: \"Elev/@trinn\"\n  gender: \"Elev/@kjonn\"\n")
        let e = try XCTUnwrap(onlyError(yaml))
        XCTAssertEqual(e.key, "gender")
        XCTAssertEqual(e.line, lineNumber(of: "grade:", in: yaml) + 1)
        XCTAssertTrue(e.message.contains("twice"), e.message)
    }

    func testUnknownKeysAreNamedWithTheirLine() throws {
        let yaml = edit(edit(Self.smx, "record: /Eksport", "records: /Eksport"), "\ncodes:", "\ncodess:")
        let d = MappingDocument(yaml: yaml, file: "vendor.yml")
        let unknown = d.errors.filter { $0.message.hasPrefix("unknown key") }
        XCTAssertEqual(unknown.map(\.key), ["records", "codess"])
        XCTAssertEqual(unknown.map(\.line), [lineNumber(of: "records:", in: yaml), lineNumber(of: "codess:", in: yaml)])
        XCTAssertTrue(unknown[0].message.contains("did you mean 'record'"), unknown[0].message)
        XCTAssertTrue(unknown[1].message.contains("did you mean 'codes'"), unknown[1].message)
        // And what follows from them: the record path and the table are missing.
        XCTAssertTrue(d.errors.contains { $0.key == "record" && $0.message.contains("missing") })
        XCTAssertTrue(d.errors.contains { $0.message.contains("code table 'boolean' is not defined") })
    }

    func testAnUnknownKeyInsideAValueIsNamed() throws {
        let yaml = edit(Self.smx, #"sami: { from: "Elev/@samisk", codes: boolean }"#, #"sami: { from: "Elev/@samisk", code: boolean }"#)
        let e = try XCTUnwrap(onlyError(yaml))
        XCTAssertEqual(e.key, "code")
        XCTAssertEqual(e.line, lineNumber(of: "sami:", in: yaml))
        XCTAssertTrue(e.message.contains("did you mean 'codes'"), e.message)
    }

    func testAnUndefinedCodeTableIsNamedWithItsLine() throws {
        let yaml = edit(Self.smx, #"sami: { from: "Elev/@samisk", codes: boolean }"#, #"sami: { from: "Elev/@samisk", codes: yesno }"#)
        let e = try XCTUnwrap(onlyError(yaml))
        XCTAssertEqual(e.key, "sami")
        XCTAssertEqual(e.line, lineNumber(of: "sami:", in: yaml))
        XCTAssertTrue(e.message.contains("code table 'yesno' is not defined"), e.message)
    }

    func testACodeTableTargetThatIsNoCanonicalCodeIsNamedWithItsLine() throws {
        var yaml = edit(Self.smx, #"gender: "Elev/@kjonn""#, #"gender: { from: "Elev/@kjonn", codes: sex }"#)
        yaml += "\n  sex: { F: girl, M: G, X: null }\n"
        yaml = edit(yaml, "\ncodes:\n", "\ncodes:\n")
        // The table is appended under `codes:`, which is followed by `ignore:` in smx.yml: move it.
        yaml = yaml.replacingOccurrences(of: "\n  sex: { F: girl, M: G, X: null }\n", with: "\n")
        yaml = edit(yaml, "  boolean: {", "  sex: { F: girl, M: G, X: null }\n  boolean: {")
        let e = try XCTUnwrap(onlyError(yaml))
        XCTAssertEqual(e.key, "sex")
        XCTAssertEqual(e.line, lineNumber(of: "sex: {", in: yaml))
        XCTAssertTrue(e.message.contains("'girl'"), e.message)
        XCTAssertTrue(e.message.contains("A, G, J"), e.message)
        XCTAssertTrue(e.message.contains("gender"), e.message)
    }

    func testARequiredFieldNotMappedIsNamed() throws {
        let yaml = edit(Self.smx, "  last_changed: { from: \"@sistEndret\", format: iso8601 }\n", "")
        let e = try XCTUnwrap(onlyError(yaml))
        XCTAssertEqual(e.key, "last_changed")
        XCTAssertEqual(e.line, lineNumber(of: "fields:", in: yaml))
        XCTAssertTrue(e.message.contains("required field 'last_changed' is not mapped"), e.message)
    }

    func testALayoutOrFormatThatDoesNotExistIsSaidInWords() throws {
        let layout = try XCTUnwrap(onlyError(edit(Self.smx, "layout: case-per-record", "layout: case-per-row")))
        XCTAssertEqual(layout.key, "layout")
        XCTAssertEqual(layout.line, lineNumber(of: "layout:", in: Self.smx))
        XCTAssertEqual(layout.message, "layout 'case-per-row' does not exist: use case-per-record (one record per case) "
                       + "or event-per-record (one record per event)")
        let format = try XCTUnwrap(onlyError(edit(Self.smx, "format: xml", "format: json")))
        XCTAssertEqual(format.key, "format")
        XCTAssertEqual(format.message, "format 'json' does not exist: use xml or csv")
        let date = try XCTUnwrap(onlyError(edit(Self.smx, #"registered: { from: "@opprettet", format: iso8601 }"#,
                                                #"registered: { from: "@opprettet", format: "dd/MM/yyyy hh" }"#)))
        XCTAssertEqual(date.key, "registered")
    }

    func testANonCanonicalFieldOrKindIsNamed() throws {
        let field = try XCTUnwrap(onlyError(edit(Self.smx, "  gender: ", "  gendr: ")))
        XCTAssertEqual(field.key, "gendr")
        XCTAssertTrue(field.message.contains("did you mean 'gender'"), field.message)
        let kind = try XCTUnwrap(onlyError(edit(Self.smc, "- kind: kontakt_hjem", "- kind: kontakt")))
        XCTAssertTrue(kind.message.contains("'kontakt' is not a canonical event kind"), kind.message)
    }

    /// A run loads mappings through `CompiledMapping(contentsOfFile:)`: the same checks stop it,
    /// naming file, line and key.
    func testLoadingAnInvalidMappingThrowsWithFileLineAndKey() throws {
        let dir = RepoPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("vendor.yml").path
        let yaml = edit(Self.smx, "record: /Eksport", "records: /Eksport")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CompiledMapping(contentsOfFile: path)) { error in
            let e = error as! SaksgangError
            XCTAssertEqual(e.code, .mapping)
            XCTAssertEqual(e.location.file, path)
            XCTAssertEqual(e.location.line, self.lineNumber(of: "records:", in: yaml))
            XCTAssertEqual(e.location.field, "records")
            XCTAssertTrue(e.description.contains("line \(e.location.line!)"), e.description)
        }
    }

    // MARK: With samples

    func sampleCheck(_ yaml: String, samples: [String]) throws -> MappingCheckReport {
        let document = MappingDocument(yaml: yaml, file: "vendor.yml")
        XCTAssertEqual(document.errors, [])
        let paths = samples.map { RepoPaths.fixtures.appendingPathComponent($0).path }
        return MappingCheckReport(document: document, samples: MappingSampleCheck(document: document, samples: paths))
    }

    func testSamplesShowPerFieldCountsAndCodes() throws {
        let report = try sampleCheck(Self.smx, samples: ["demo/smx_1103_20250620.xml"])
        let samples = try XCTUnwrap(report.samples)
        XCTAssertGreaterThan(samples.records, 0)
        XCTAssertEqual(samples.records, samples.mappedRecords)
        XCTAssertFalse(report.failed)
        let text = report.text
        XCTAssertTrue(text.contains("gender"), text)
        XCTAssertTrue(text.range(of: #"gender +\d+/\d+ +[JGA] \d+"#, options: .regularExpression) != nil, text)
    }

    func testATypoInAnOptionalPathIsAWarningNamingTheField() throws {
        let yaml = edit(Self.smx, #"gender: "Elev/@kjonn""#, #"gender: "Elev/@kjon""#)
        let report = try sampleCheck(yaml, samples: ["demo/smx_1103_20250620.xml"])
        let w = try XCTUnwrap(report.problems.first { $0.key == "gender" })
        XCTAssertEqual(w.severity, .warning)
        XCTAssertEqual(w.line, lineNumber(of: "gender:", in: yaml))
        XCTAssertTrue(w.message.contains("empty in every record"), w.message)
        XCTAssertFalse(report.failed)
    }

    func testARecordPathThatMatchesNothingIsAWarning() throws {
        let yaml = edit(Self.smx, "record: /Eksport/Skole/Sak", "record: /Eksport/Skole/Saker")
        let report = try sampleCheck(yaml, samples: ["demo/smx_1103_20250620.xml"])
        let w = try XCTUnwrap(report.problems.first { $0.key == "record" })
        XCTAssertEqual(w.severity, .warning)
        XCTAssertEqual(w.line, lineNumber(of: "record:", in: yaml))
        XCTAssertTrue(w.message.contains("no element matches the record path /Eksport/Skole/Saker"), w.message)
        XCTAssertEqual(report.samples?.records, 0)
    }

    func testCodesMissingFromATableAreCountedAndNamed() throws {
        var yaml = edit(Self.smx, #"reported_by: "Kjennskap/@meldtAv""#, #"reported_by: { from: "Kjennskap/@meldtAv", codes: reporter }"#)
        yaml = edit(yaml, "  boolean: {", "  reporter: { elev: elev, foresatt: foresatt }\n  boolean: {")
        let report = try sampleCheck(yaml, samples: ["demo/smx_1103_20250620.xml", "demo/smx_4601_20250620.xml.gz"])
        let w = try XCTUnwrap(report.problems.first { $0.key == "reported_by" })
        XCTAssertEqual(w.severity, .warning)
        XCTAssertTrue(w.message.contains("not in its code table"), w.message)
        XCTAssertTrue(w.message.range(of: #"(ansatt|annen|medelev) \(\d+\)"#, options: .regularExpression) != nil, w.message)
        XCTAssertGreaterThan(report.samples?.rejections.filter { $0.key.hasPrefix("unknown_code") }.count ?? 0, 0)
    }

    /// Personal fields and values that do not look like codes are counted, never shown: a
    /// code table put on a field that by mistake reads a name or an identity number.
    func testNoPersonalValueInTheCheckOutput() throws {
        var yaml = edit(Self.smx, #"gender: "Elev/@kjonn""#, #"gender: { from: "Elev/Navn", codes: sex }"#)
        yaml = edit(yaml, #"pupil_local_id: "Elev/@lokalId""#, #"pupil_local_id: { from: "Elev/@fnr", codes: sex }"#)
        yaml = edit(yaml, #"reported_by: "Kjennskap/@meldtAv""#, #"reported_by: "../@navn""#)
        yaml = edit(yaml, "  boolean: {", "  sex: { J: J }\n  boolean: {")
        let hostile = RepoPaths.fixtures.appendingPathComponent("hostile")
        let samples = try FileManager.default.contentsOfDirectory(atPath: hostile.path).filter { $0.hasPrefix("smx_") }.sorted()
            .map { "hostile/" + $0 } + ["demo/smx_1103_20250620.xml", "demo/smx_4601_20250620.xml.gz"]
        let report = try sampleCheck(yaml, samples: samples)
        let text = report.text + report.problems.map(\.description).joined(separator: "\n")
        let dir = RepoPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("check.txt").path
        try text.write(toFile: out, atomically: true, encoding: .utf8)
        let values = try JSONDecoder().decode([String: [String]].self,
                                              from: Data(contentsOf: hostile.appendingPathComponent("personal_values.json")))
        let scanner = LeakScanner(values: values.values.flatMap { $0 } + DemoValues.personal(),
                                  publicTokens: samples.map { ($0 as NSString).lastPathComponent })
        XCTAssertEqual(try scanner.scan([out]), [], "personal values in the check output")
        XCTAssertTrue(text.contains("not shown"), text)
    }
}

/// Personal values of the demo XML exports, read from the files themselves: identity
/// numbers, local ids, case numbers and names.
enum DemoValues {
    static func personal() -> [String] {
        var values: [String] = []
        for name in ["smx_1103_20250620.xml"] {
            let text = (try? String(contentsOf: RepoPaths.fixtures.appendingPathComponent("demo/" + name), encoding: .isoLatin1)) ?? ""
            for attr in ["fnr", "lokalId", "id"] {
                let re = try! NSRegularExpression(pattern: " \(attr)=\"([^\"]+)\"")
                for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    values.append(String(text[Range(m.range(at: 1), in: text)!]))
                }
            }
            let names = try! NSRegularExpression(pattern: "<Navn>([^<]+)</Navn>")
            for m in names.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                values.append(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        return values
    }
}
