import Foundation
import SaksgangCore
import Yams

extension CompiledMapping {
    /// Reads, checks and compiles a mapping file (YAML). The first error found stops it,
    /// named with its file, line and key (`MappingDocument` lists them all).
    public init(contentsOfFile path: String) throws(SaksgangError) {
        let document = MappingDocument(contentsOfFile: path)
        let errors = document.errors
        if let first = errors.first {
            var e = first.error
            if errors.count > 1 {
                e.message += " (and \(errors.count - 1) more problem(s): `saksgang mapping check` lists them all)"
            }
            throw e
        }
        guard let compiled = document.compiled else {
            throw SaksgangError(.mapping, "the mapping file is not valid", at: .init(file: path))
        }
        self = compiled
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
