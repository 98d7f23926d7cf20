import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// The hostile and broken exports in Fixtures/hostile/ (written by make_hostile.py), read
/// through the committed mappings, and the personal values each holds (personal_values.json).
enum Hostile {
    static var folder: URL { RepoPaths.fixtures.appendingPathComponent("hostile") }
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func mapping(for name: String) throws -> CompiledMapping {
        name.hasPrefix("smx_") ? try MappingFixtures.smx : try MappingFixtures.smc
    }

    /// What one read delivered: cases and record errors up to the end or the file's failure.
    struct Outcome {
        var cases: [IdentifiedCase] = []
        var recordErrors: [SaksgangError] = []
        var report: ExportReader.FileReport?
        var failure: SaksgangError?
        var seconds: Double = 0
    }

    /// Reads a hostile file; a file-level error is caught and returned, not thrown.
    static func read(_ name: String, mapping: CompiledMapping? = nil,
                     limits: DecompressionLimits = .standard) throws -> Outcome {
        let reader = ExportReader(mapping: try mapping ?? self.mapping(for: name), limits: limits)
        var out = Outcome()
        let start = Date()
        do {
            out.report = try reader.read(path: path(name)) { result in
                switch result {
                case .success(let c): out.cases.append(c)
                case .failure(let e): out.recordErrors.append(e)
                }
            }
        } catch let e as SaksgangError {
            out.failure = e
        }
        out.seconds = Date().timeIntervalSince(start)
        return out
    }

    /// Reads a file that must be refused as a whole with `code`; returns the error.
    static func refusal(_ name: String, _ code: SaksgangError.Code, limits: DecompressionLimits = .standard,
                        file: StaticString = #filePath, line: UInt = #line) throws -> SaksgangError {
        let out = try read(name, limits: limits)
        let failure = try XCTUnwrap(out.failure, "\(name) must be refused", file: file, line: line)
        XCTAssertEqual(failure.code, code, "\(name): \(failure)", file: file, line: line)
        XCTAssertEqual(failure.location.file, name, "the error names the file by its name", file: file, line: line)
        assertNoPersonalValue(in: failure.description, of: name, file: file, line: line)
        return failure
    }

    static let personalValues: [String: [String]] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("personal_values.json")),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: [String]] else { return [:] }
        return json
    }()

    /// Fails if `text` holds any personal (or planted bad) value of the file `name`.
    static func assertNoPersonalValue(in text: String, of name: String,
                                      file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotNil(personalValues[name], "personal_values.json lists \(name)", file: file, line: line)
        for value in personalValues[name] ?? [] where text.contains(value) {
            XCTFail("\(name): an error or message quotes a personal value", file: file, line: line)
        }
    }

    /// The byte offset of the first occurrence of `byte` in the file.
    static func offset(of byte: UInt8, in name: String) throws -> Int64 {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(name)))
        return Int64(try XCTUnwrap(data.firstIndex(of: byte)))
    }

    static func size(_ name: String) throws -> Int64 {
        Int64(try Data(contentsOf: URL(fileURLWithPath: path(name))).count)
    }
}
