/// The text `saksgang mapping check` prints: the mapping's problems with file, line and
/// column, then, with samples, per canonical field how many records had a value and its most
/// frequent canonical codes, then what a run would quarantine. Made for a person fixing the
/// file; it holds counts, keys, paths and codes, never a personal value.
public struct MappingCheckReport: Sendable {
    public let document: MappingDocument
    public let samples: MappingSampleCheck?

    public init(document: MappingDocument, samples: MappingSampleCheck? = nil) {
        self.document = document
        self.samples = samples
    }

    public var problems: [MappingProblem] { document.problems + (samples?.problems ?? []) }
    /// True when the mapping cannot be used or a sample cannot be read: the command exits 1.
    public var failed: Bool { problems.contains { $0.severity == .error } }

    public var text: String {
        var out: [String] = []
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        out.append("mapping \(document.file): " + (errors == 0 && warnings == 0 ? "no problems found"
                   : "\(errors) error(s), \(warnings) warning(s)"))
        for p in document.problems.enumerated().sorted(by: { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }) {
            out.append("  \(p.element)")
        }
        guard let samples else {
            if errors == 0 { out.append("Read a sample export with it: saksgang mapping check \(document.file) SAMPLE...") }
            return out.joined(separator: "\n") + "\n"
        }
        out.append("")
        out.append("samples: \(samples.files.count) file(s), \(samples.records) record(s) read, "
                   + "\(samples.mappedRecords) would be stored, \(samples.records - samples.mappedRecords) quarantined")
        for f in samples.files {
            out.append("  \(f.name): " + (f.failure.map { "not read (\($0.code))" } ?? "\(f.records) record(s), \(f.mapped) read into a case"))
        }
        let width = max(24, (samples.tallies.map(\.label.count).max() ?? 0) + 2)
        out.append("")
        out.append("field".padding(width) + "records with a value".padding(22) + "most frequent codes")
        for t in samples.tallies {
            var line = t.label.padding(width) + "\(t.present)/\(samples.records)".padding(22)
            line += t.top(5).map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            if t.nulls > 0 { line += (t.codes.isEmpty ? "" : ", ") + "unknown \(t.nulls)" }
            out.append(line.trimmedRight)
        }
        if !samples.rejections.isEmpty {
            out.append("")
            out.append("records a run would quarantine, by reason and field:")
            for (reason, n) in samples.rejections.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
                out.append("  \(reason.trimmedRight): \(n)")
            }
        }
        if !samples.problems.isEmpty {
            out.append("")
            for p in samples.problems { out.append("  \(p)") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

private extension String {
    func padding(_ n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
    var trimmedRight: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
