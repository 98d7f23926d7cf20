import Foundation
import SaksgangCore
import Yams

extension CompiledMapping {
    /// Reads and compiles a mapping file (YAML).
    public init(contentsOfFile path: String) throws(SaksgangError) {
        let spec: MappingSpec
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            spec = try YAMLDecoder().decode(MappingSpec.self, from: data)
        } catch {
            throw SaksgangError(.mapping, "the mapping file is not valid: \(ConfigurationDecoding.describe(error))", at: .init(file: path))
        }
        do { try self.init(spec) } catch { throw error.at(.init(file: path)) }
    }
}

/// Readable messages for decoding errors of configuration files (pipeline and mapping
/// files hold configuration, not personal data).
public enum ConfigurationDecoding {
    public static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "'\((ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."))' is missing"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx), DecodingError.dataCorrupted(let ctx):
            return "'\(ctx.codingPath.map(\.stringValue).joined(separator: "."))': \(ctx.debugDescription)"
        default:
            return String(describing: error)
        }
    }
}
