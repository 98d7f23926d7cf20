import Ingest
import SaksgangCore
import Yams

/// Checks a pipeline file's YAML and keys before it is decoded, with the YAML key checker
/// of `saksgang mapping check`: a YAML mistake is named with its line and column, and a key
/// the pipeline file does not have (`treshold: 3`) is an error naming the key, its line and
/// the near miss, never silently ignored. Every problem is told at once.
enum PipelineFileCheck {
    static let topKeys = PipelineConfig.CodingKeys.allCases.map(\.stringValue)
    static let targetKeys = PipelineConfig.TargetsConfig.CodingKeys.allCases.map(\.stringValue)
    static let limitKeys = PipelineConfig.LimitsConfig.CodingKeys.allCases.map(\.stringValue)
    static let retentionKeys = PipelineConfig.RetentionConfig.CodingKeys.allCases.map(\.stringValue)

    static func problems(yaml text: String, file: String) -> [MappingProblem] {
        var check = YAMLKeyCheck(file: file, text: text)
        guard let root = check.compose(what: "pipeline file") else { return check.problems }
        guard let top = root.mapping else {
            return [MappingProblem(.error, "a pipeline file is a map of keys (name:, input:, output:, state:, key:, mappings:, ...)",
                                   file: file, line: root.mark?.line, column: root.mark?.column)]
        }
        let entries = check.keyed(top, allowed: topKeys, where: "in the pipeline file")
        if let (_, v) = entries["targets"], let m = check.mapping(v, key: "targets", what: "a map of target: working days") {
            _ = check.keyed(m, allowed: targetKeys, where: "under 'targets'")
        }
        if let (_, v) = entries["limits"], let m = check.mapping(v, key: "limits", what: "a map of limit: value") {
            _ = check.keyed(m, allowed: limitKeys, where: "under 'limits'")
        }
        if let (_, v) = entries["retention"], let m = check.mapping(v, key: "retention", what: "a map of retention: days") {
            _ = check.keyed(m, allowed: retentionKeys, where: "under 'retention'")
        }
        if let (_, v) = entries["mappings"] { check.strings(v, key: "mappings") }
        // In line order, as the person reads the file.
        return check.problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
    }

    /// Throws the file's errors as one configuration error located at the first.
    static func check(yaml text: String, file: String) throws(SaksgangError) {
        let errors = problems(yaml: text, file: file).filter { $0.severity == .error }
        guard let first = errors.first else { return }
        var message = first.message + (first.column.map { " (line \(first.line ?? 0), column \($0))" } ?? "")
        if errors.count > 1 {
            message += "; also: " + errors.dropFirst().map { p in
                (p.line.map { "line \($0)" + (p.column.map { ", column \($0)" } ?? "") + ": " } ?? "") + p.message
            }.joined(separator: "; ")
        }
        throw SaksgangError(.configuration, message, at: .init(file: file, line: first.line, field: first.key))
    }
}
