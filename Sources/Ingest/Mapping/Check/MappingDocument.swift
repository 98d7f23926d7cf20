import Foundation
import SaksgangCore
import Yams

/// A mapping file read for a person: every mistake found at once, each with its line and
/// column, before the file is compiled. YAML syntax (a bad quote, a tab, a duplicate key),
/// keys the language does not have (`records:`, `codess:`), values that do not exist
/// (`layout: case-per-row`), undefined code tables, code-table targets that are not
/// canonical codes of the field that uses them, required fields not mapped. What passes is
/// decoded into a `MappingSpec` and compiled, so a mapping that loads is one a run can use.
public struct MappingDocument: Sendable {
    /// The file as named in messages.
    public let file: String
    public private(set) var problems: [MappingProblem] = []
    /// The decoded spec, when the file has no error.
    public private(set) var spec: MappingSpec?
    /// The compiled mapping, when the file has no error.
    public private(set) var compiled: CompiledMapping?
    /// The line of each key and value (`record`, `gender`, `events[2]`, `closing`).
    public private(set) var lines: [String: Int] = [:]

    public var errors: [MappingProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [MappingProblem] { problems.filter { $0.severity == .warning } }

    public init(contentsOfFile path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            self.init(file: path, problem: "the mapping file cannot be read")
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            self.init(file: path, problem: "the mapping file is not UTF-8 text")
            return
        }
        self.init(yaml: text, file: path)
    }

    private init(file: String, problem: String) {
        self.file = file
        problems = [MappingProblem(.error, problem, file: file)]
    }

    public init(yaml: String, file: String) {
        self.file = file
        var checker = Checker(file: file, text: yaml)
        guard let root = checker.compose() else {
            problems = checker.problems
            return
        }
        checker.checkDocument(root)
        problems = checker.problems
        lines = checker.lines
        guard errors.isEmpty else { return }
        let decoded: MappingSpec
        do { decoded = try YAMLDecoder().decode(MappingSpec.self, from: root) } catch {
            problems.append(MappingProblem(.error, "the mapping is not valid: \(ConfigurationDecoding.describe(error))", file: file))
            return
        }
        spec = decoded
        do { compiled = try CompiledMapping(decoded) } catch {
            var p = MappingProblem(.error, error.message, file: file, key: error.location.field)
            p.line = checker.line(mentioning: error.message)
            problems.append(p)
        }
    }
}

/// Walks the composed YAML with its marks.
private struct Checker: YAMLKeyChecking {
    let file: String
    let text: String
    var problems: [MappingProblem] = []
    /// Code table name → where it is used: the domain of its targets and the key that uses it.
    var tableUses: [String: [(domain: ValueDomain, key: String)]] = [:]
    var tableNames: Set<String> = []
    var format: MappingSpec.Format?
    var lines: [String: Int] = [:]

    init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    // MARK: The document

    static let topKeys = ["name", "format", "files", "layout", "record", "delimiter", "encoding", "export_time",
                          "fields", "events", "closing", "codes", "ignore"]
    static let valueKeys = ["from", "format", "codes", "split", "pattern"]
    static let eventKeys = ["from", "kind", "time", "attributes"]
    static let closingKeys = ["time", "reason"]

    mutating func checkDocument(_ root: Node) {
        guard let top = root.mapping else {
            error("a mapping file is a map of keys (name:, format:, files:, fields:, ...)", root)
            return
        }
        let entries = keyed(top, allowed: Self.topKeys, where: "at the top of the mapping")
        for required in ["name", "format", "files", "export_time", "fields"] where entries[required] == nil {
            error("'\(required)' is missing: every mapping needs it (see Pipelines/README.md)", root, key: required)
        }
        if let (_, v) = entries["format"] {
            if let s = scalar(v, key: "format") {
                format = MappingSpec.Format(rawValue: s)
                if format == nil {
                    error("format '\(s)' does not exist: use xml or csv", v, key: "format")
                }
            }
        }
        if let (_, v) = entries["name"] { _ = scalar(v, key: "name") }
        if let (_, v) = entries["files"] {
            if v.scalar != nil {
                error("'files' is a list of file-name patterns, like [\"vendor_*.xml\", \"vendor_*.xml.gz\"]", v, key: "files")
            } else { strings(v, key: "files") }
        }
        if let (_, v) = entries["layout"], let s = scalar(v, key: "layout"), MappingSpec.Layout(rawValue: s) == nil {
            error("layout '\(s)' does not exist: use case-per-record (one record per case) or event-per-record (one record per event)",
                  v, key: "layout")
        }
        if let (_, v) = entries["encoding"], let s = scalar(v, key: "encoding"),
           !["auto", "utf-8", "utf8", "windows-1252", "cp1252"].contains(s.lowercased()) {
            error("encoding '\(s)' does not exist: use auto, utf-8 or windows-1252", v, key: "encoding")
        }
        if let (_, v) = entries["delimiter"], let s = scalar(v, key: "delimiter"), s.utf8.count != 1 {
            error("delimiter '\(s)' must be one character, like \";\" or \",\"", v, key: "delimiter")
        }
        switch format {
        case .xml?:
            if let (_, v) = entries["record"] {
                if let s = scalar(v, key: "record"), !s.hasPrefix("/") {
                    error("'record' must be the absolute path of the repeating record element, like /Export/School/Case", v, key: "record")
                }
            } else {
                error("'record' is missing: an XML mapping names the repeating record element, like /Export/School/Case", root, key: "record")
            }
            if let (_, v) = entries["delimiter"] { warning("'delimiter' is only read by CSV mappings", v, key: "delimiter") }
            if let (_, v) = entries["encoding"] { warning("'encoding' is only read by CSV mappings (XML declares its own)", v, key: "encoding") }
        case .csv?:
            if let (_, v) = entries["record"] { warning("'record' is only read by XML mappings", v, key: "record") }
        case nil: break
        }
        // Code tables first, so that uses can be checked against them.
        if let (_, v) = entries["codes"] {
            if let m = mapping(v, key: "codes", what: "a map of code tables") {
                for (k, _) in m { if let name = k.string { tableNames.insert(name) } }
            }
        }
        if let (_, v) = entries["export_time"] { value(v, domain: .time, key: "export_time") }
        if let (k, v) = entries["fields"], let m = mapping(v, key: "fields", what: "a map of canonical field: where its value is") {
            var mapped = Set<CanonicalField>()
            for (fk, fv) in m {
                guard let name = fk.string else { continue }
                guard let field = CanonicalField(rawValue: name) else {
                    error("'\(name)' is not a canonical field\(suggestion(name, CanonicalField.allCases.map(\.rawValue)))", fk, key: name)
                    continue
                }
                mapped.insert(field)
                value(fv, domain: field.domain, key: name)
            }
            for r in CanonicalField.required where !mapped.contains(r) {
                error("the required field '\(r.rawValue)' is not mapped: say where it comes from under 'fields'", k, key: r.rawValue)
            }
        }
        if let (_, v) = entries["events"] {
            if let seq = v.sequence {
                for (i, e) in seq.enumerated() { event(e, number: i + 1) }
            } else {
                error("'events' is a list; each entry starts with '- '", v, key: "events")
            }
        }
        if let (_, v) = entries["closing"], let m = mapping(v, key: "closing", what: "a map with time: and reason:") {
            let parts = keyed(m, allowed: Self.closingKeys, where: "under 'closing'")
            if let (_, t) = parts["time"] { value(t, domain: .time, key: "closing.time") } else {
                error("'closing' needs 'time'", v, key: "closing")
            }
            if let (_, r) = parts["reason"] { value(r, domain: .closingReason, key: "closing.reason") }
        }
        if let (_, v) = entries["ignore"] { strings(v, key: "ignore") }
        if let (_, v) = entries["codes"], let m = v.mapping { checkTables(m) }
    }

    mutating func event(_ node: Node, number: Int) {
        let label = "events[\(number)]"
        lines[label] = node.mark?.line
        guard let m = mapping(node, key: label, what: "an event: a map with kind:, time: and perhaps from: and attributes:") else { return }
        let parts = keyed(m, allowed: Self.eventKeys, where: "in event \(number)")
        if let (_, f) = parts["from"] {
            if format == .csv { error("event \(number) has 'from', which only XML mappings use: a CSV event has a fixed kind", f, key: "\(label).from") }
            _ = scalar(f, key: "\(label).from")
        }
        if let (_, k) = parts["kind"] {
            if let s = k.scalar?.string {
                if case .code(let kinds) = ValueDomain.eventKind, !kinds.contains(s) {
                    error("'\(s)' is not a canonical event kind\(suggestion(s, Array(kinds)))"
                          + "; to read the kind from the export, write kind: { from: ..., codes: ... }", k, key: "\(label).kind")
                }
            } else {
                value(k, domain: .eventKind, key: "\(label).kind")
            }
        } else {
            error("event \(number) needs 'kind'", node, key: "\(label).kind")
        }
        if let (_, t) = parts["time"] { value(t, domain: .time, key: "\(label).time") } else {
            error("event \(number) needs 'time'", node, key: "\(label).time")
        }
        if let (_, a) = parts["attributes"], let am = mapping(a, key: "\(label).attributes", what: "a map of attribute: where its value is") {
            for (ak, av) in am {
                guard let name = ak.string else { continue }
                guard let attr = EventAttribute(rawValue: name) else {
                    error("'\(name)' is not an event attribute\(suggestion(name, EventAttribute.allCases.map(\.rawValue)))", ak, key: name)
                    continue
                }
                value(av, domain: attr.domain, key: "\(label).\(name)")
            }
        }
    }

    /// A value: `"Column"` or `{ from:, format:, codes:, split:, pattern: }`.
    mutating func value(_ node: Node, domain: ValueDomain, key: String) {
        if lines[key] == nil { lines[key] = node.mark?.line }
        if let s = node.scalar {
            if s.string.trimmingCharacters(in: .whitespaces).isEmpty { error("'\(key)' is empty: say where its value is", node, key: key) }
            return
        }
        guard let m = mapping(node, key: key, what: "where a value is: a string, or a map with from:") else { return }
        let parts = keyed(m, allowed: Self.valueKeys, where: "in the value of '\(key)'")
        if let (_, f) = parts["from"] {
            if let s = scalar(f, key: key), s.trimmingCharacters(in: .whitespaces).isEmpty { error("'\(key)': 'from' is empty", f, key: key) }
        } else {
            error("'\(key)' needs 'from': where its value is", node, key: key)
        }
        if let (_, f) = parts["format"] {
            var formats: [Node] = []
            if f.scalar != nil { formats = [f] } else if let seq = f.sequence { formats = Array(seq) } else {
                error("'\(key)': 'format' is a date format or a list of them", f, key: key)
            }
            for one in formats {
                guard let s = scalar(one, key: key) else { continue }
                do { _ = try DateFormat(s) } catch {
                    self.error("'\(key)': format '\(s)' cannot be read: use iso8601 or a pattern of yyyy MM dd HH mm ss (like dd.MM.yyyy HH:mm)",
                               one, key: key)
                }
            }
            if domain != .time { warning("'\(key)' is \(domain.words), not a date: its 'format' is not used", f, key: key) }
        }
        if let (_, c) = parts["codes"], let name = scalar(c, key: key) {
            if tableNames.contains(name) {
                tableUses[name, default: []].append((domain, key))
            } else {
                let known = tableNames.sorted()
                error("code table '\(name)' is not defined under 'codes'"
                      + (known.isEmpty ? "" : " (defined: \(known.joined(separator: ", ")))"), c, key: key)
            }
        }
        if let (_, s) = parts["split"], let sep = scalar(s, key: key), sep != "whitespace", sep.count != 1 {
            error("'\(key)': split '\(sep)' must be one character or 'whitespace'", s, key: key)
        }
        if let (_, p) = parts["pattern"], let re = scalar(p, key: key) {
            if (try? NSRegularExpression(pattern: re)) == nil { error("'\(key)': pattern is not a valid regular expression", p, key: key) }
        }
    }

    /// Every target of every used table must be a value of every field that uses it.
    mutating func checkTables(_ tables: Node.Mapping) {
        for (k, v) in tables {
            guard let name = k.string else { continue }
            guard let table = v.mapping else {
                error("code table '\(name)' must be a map of vendor code: canonical code", v, key: name)
                continue
            }
            let uses = tableUses[name] ?? []
            if uses.isEmpty { warning("code table '\(name)' is not used by any value", k, key: name) }
            for (code, target) in table {
                guard let t = target.scalar else {
                    error("code table '\(name)': the target of '\(code.string ?? "")' must be a canonical code or null", target, key: name)
                    continue
                }
                if Self.isNull(t) { continue }
                for use in uses {
                    if let why = use.domain.refusal(t.string) {
                        error("code table '\(name)': '\(t.string)' (for vendor code '\(code.string ?? "")') \(why), "
                              + "as '\(use.key)' needs", target, key: name)
                        break
                    }
                }
            }
        }
    }

    static func isNull(_ s: Node.Scalar) -> Bool {
        s.style == .plain && ["null", "Null", "NULL", "~", ""].contains(s.string)
    }

}
