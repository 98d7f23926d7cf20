import SaksgangCore

/// One thing wrong with a mapping file, or with what it reads from a sample export, told for
/// the person fixing the file: where (file, line, column), which key or canonical field, and
/// what to do. Never a personal value: only keys, paths, canonical codes and counts.
public struct MappingProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        /// The mapping cannot be used: a run stops before reading anything.
        case error
        /// The mapping is usable but probably not what was meant.
        case warning
    }

    public var severity: Severity
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The key, canonical field or code table concerned.
    public var key: String?

    public init(_ severity: Severity, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil, key: String? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.key = key
    }

    /// `file:line:column: error: message`, the form editors and terminals link to.
    public var description: String {
        var place = file ?? ""
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return (place.isEmpty ? "" : place + ": ") + "\(severity.rawValue): \(message)"
    }

    /// The problem as the error that stops a run.
    public var error: SaksgangError {
        let at = column.map { " (column \($0))" } ?? ""
        return SaksgangError(.mapping, message + at, at: .init(file: file, line: line, field: key))
    }
}
