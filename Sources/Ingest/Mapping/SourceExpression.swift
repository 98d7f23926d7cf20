import SaksgangCore

/// The parsed `from` of a field: where in a record its value lives.
enum SourceExpression: Equatable, Sendable {
    /// The file's name (with `pattern:` to pick a part).
    case fileName
    /// XML: an attribute or the text of an element, relative to the record (or to an event
    /// element), `up` levels above it, or absolute from the root.
    case xml(XMLPath)
    /// CSV: a column by its header name.
    case column(String)

    init(_ text: String, format: MappingSpec.Format) throws(SaksgangError) {
        let t = text.trimmingSpaces
        if t == "$filename" {
            self = .fileName
            return
        }
        switch format {
        case .csv:
            guard !t.isEmpty else { throw SaksgangError(.mapping, "empty column name") }
            self = .column(t)
        case .xml:
            self = .xml(try XMLPath(t))
        }
    }
}

/// `@attr`, `A/B/@attr`, `A/B` (text), `../@attr`, `/Root/@attr`. Names are local names:
/// namespaces and prefixes are ignored.
struct XMLPath: Equatable, Hashable, Sendable {
    var absolute: Bool
    var up: Int
    var steps: [String]
    /// nil: the element's text.
    var attribute: String?

    init(absolute: Bool = false, up: Int = 0, steps: [String], attribute: String?) {
        self.absolute = absolute
        self.up = up
        self.steps = steps
        self.attribute = attribute
    }

    init(_ text: String) throws(SaksgangError) {
        var parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        absolute = text.hasPrefix("/")
        if absolute { parts.removeFirst() }
        up = 0
        steps = []
        attribute = nil
        for (i, p) in parts.enumerated() {
            let last = i == parts.count - 1
            if p == ".." && steps.isEmpty && !absolute { up += 1 }
            else if p == "." { continue }
            else if p.hasPrefix("@") && last { attribute = String(p.dropFirst()) }
            else if p == "text()" && last { continue }
            else if p.isEmpty || p.hasPrefix("@") || p == ".." {
                throw SaksgangError(.mapping, "cannot read XML path '\(text)'")
            } else { steps.append(p.split(separator: ":").last.map(String.init) ?? p) }
        }
        if attribute == nil && steps.isEmpty && up > 0 {
            throw SaksgangError(.mapping, "XML path '\(text)' names no element or attribute")
        }
    }
}

extension String {
    var trimmingSpaces: String {
        func space(_ b: UInt8?) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        if !space(utf8.first) && !space(utf8.last) { return self }
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s.removeLast() }
        return String(s)
    }
}
