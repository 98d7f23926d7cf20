import Foundation
import Ingest
import SaksgangCore
import TestSupport
import XCTest

/// Reading fixtures through the committed mapping files, for the mapping tests.
enum MappingFixtures {
    static var smx: CompiledMapping { get throws { try CompiledMapping(contentsOfFile: RepoPaths.pipelines.appendingPathComponent("mappings/smx.yml").path) } }
    static var smc: CompiledMapping { get throws { try CompiledMapping(contentsOfFile: RepoPaths.pipelines.appendingPathComponent("mappings/smc.yml").path) } }

    struct Read {
        var cases: [IdentifiedCase] = []
        var errors: [SaksgangError] = []
        var report: ExportReader.FileReport
    }

    static func read(_ path: String, _ mapping: CompiledMapping) throws -> Read {
        var cases: [IdentifiedCase] = []
        var errors: [SaksgangError] = []
        let report = try ExportReader(mapping: mapping).read(path: path) { result in
            switch result {
            case .success(let c): cases.append(c)
            case .failure(let e): errors.append(e)
            }
        }
        return Read(cases: cases, errors: errors, report: report)
    }

    static func demo(_ name: String) -> String { RepoPaths.fixtures.appendingPathComponent("demo/\(name)").path }
}
