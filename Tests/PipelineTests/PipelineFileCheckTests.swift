import Foundation
@testable import Pipeline
import SaksgangCore
import TestSupport
import XCTest

/// A pipeline file is checked like a mapping file: a misspelt key is an error with its line,
/// a YAML mistake gives line and column.
final class PipelineFileCheckTests: XCTestCase {
    let good = """
        name: demo
        input: in
        output: out
        state: state
        key: k.key
        mappings: [mappings/smx.yml]
        threshold: 5
        limits: { max_ratio: 500, max_quarantine_entries: 100 }
        targets:
          first_contact_working_days: 1
        """

    func testTheShippedPipelinesHaveNoProblem() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: RepoPaths.pipelines.path) where name.hasSuffix(".yml") {
            let path = RepoPaths.pipelines.appendingPathComponent(name).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertEqual(PipelineFileCheck.problems(yaml: text, file: path), [], name)
        }
        XCTAssertEqual(PipelineFileCheck.problems(yaml: good, file: "p.yml"), [])
    }

    func testAMisspeltKeyIsAnErrorWithItsLine() {
        let text = good.replacingOccurrences(of: "threshold: 5", with: "treshold: 3")
        XCTAssertThrowsError(try PipelineFileCheck.check(yaml: text, file: "p.yml")) { error in
            let e = error as! SaksgangError
            XCTAssertEqual(e.code, .configuration)
            XCTAssertEqual(e.location.line, 7)
            XCTAssertEqual(e.location.field, "treshold")
            XCTAssertTrue(e.message.contains("unknown key 'treshold'"), e.message)
            XCTAssertTrue(e.message.contains("did you mean 'threshold'"), e.message)
        }
    }

    func testNestedUnknownKeys() {
        let text = good.replacingOccurrences(of: "max_ratio", with: "max_ration")
            .replacingOccurrences(of: "first_contact_working_days", with: "first_contact_days")
        let problems = PipelineFileCheck.problems(yaml: text, file: "p.yml")
        XCTAssertEqual(problems.map(\.key), ["max_ration", "first_contact_days"])
        XCTAssertEqual(problems.map(\.line), [8, 10])
    }

    func testYAMLErrorsHaveLineAndColumn() {
        let text = good.replacingOccurrences(of: "output: out", with: "output: \"out")
        XCTAssertThrowsError(try PipelineFileCheck.check(yaml: text, file: "p.yml")) { error in
            let e = error as! SaksgangError
            XCTAssertEqual(e.location.line, 3)
            XCTAssertTrue(e.message.contains("column"), e.message)
        }
        let tab = good.replacingOccurrences(of: "  first_contact", with: "\tfirst_contact")
        XCTAssertThrowsError(try PipelineFileCheck.check(yaml: tab, file: "p.yml")) { error in
            let e = error as! SaksgangError
            XCTAssertNotNil(e.location.line)
            XCTAssertTrue(e.message.contains("tab"), e.message)
        }
    }

    /// Loading refuses the file before anything else is looked at.
    func testLoadingStopsAtAnUnknownKey() throws {
        let dir = RepoPaths.temporaryDirectory("saksgang-pipeline")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.yml").path
        try Data(good.replacingOccurrences(of: "threshold: 5", with: "treshold: 3").utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try LoadedPipeline.load(path: path)) { error in
            XCTAssertEqual((error as! SaksgangError).location.field, "treshold")
        }
    }

    /// `disclosure_program` chooses the program secondary suppression ends in: `relaxed` when
    /// left out, `whole` when asked for, anything else an error naming the field.
    func testTheDisclosureProgramIsReadAndChecked() throws {
        let dir = RepoPaths.temporaryDirectory("saksgang-pipeline")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.yml").path
        let mapping = RepoPaths.pipelines.appendingPathComponent("mappings/smx.yml").path
        let base = good.replacingOccurrences(of: "[mappings/smx.yml]", with: "[\"\(mapping)\"]")
        func load(_ line: String?) throws -> LoadedPipeline {
            let text = line.map { base.replacingOccurrences(of: "threshold: 5", with: "threshold: 5\n\($0)") } ?? base
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return try LoadedPipeline.load(path: path)
        }
        XCTAssertFalse(try load(nil).wholeProgram)
        XCTAssertFalse(try load("disclosure_program: relaxed").wholeProgram)
        XCTAssertTrue(try load("disclosure_program: whole").wholeProgram)
        XCTAssertThrowsError(try load("disclosure_program: exact")) { error in
            XCTAssertEqual((error as! SaksgangError).location.field, "disclosure_program")
        }
    }
}
