import Foundation
import Yams

/// Reading a YAML file for a person, shared by the mapping check and the pipeline file
/// check: YAML errors with line and column (a quote left open, a tab, a duplicate key),
/// unknown keys with their line and a near miss ("did you mean"), and the shape of values.
/// A checker keeps its problems and the line of each key it met.
public protocol YAMLKeyChecking {
    var file: String { get }
    var text: String { get }
    var problems: [MappingProblem] { get set }
    var lines: [String: Int] { get set }
}

/// A YAML key checker for any file (the pipeline file uses it).
public struct YAMLKeyCheck: YAMLKeyChecking {
    public let file: String
    public let text: String
    public var problems: [MappingProblem] = []
    public var lines: [String: Int] = [:]

    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}

extension YAMLKeyChecking {
    public mutating func error(_ message: String, _ node: Node?, key: String? = nil) {
        problems.append(MappingProblem(.error, message, file: file, line: node?.mark?.line, column: node?.mark?.column, key: key))
    }

    public mutating func warning(_ message: String, _ node: Node?, key: String? = nil) {
        problems.append(MappingProblem(.warning, message, file: file, line: node?.mark?.line, column: node?.mark?.column, key: key))
    }

    // MARK: YAML

    public mutating func compose(what: String = "mapping file") -> Node? {
        do {
            guard let root = try Yams.compose(yaml: text, Resolver.default.removing(.bool).removing(.int).removing(.float).removing(.null).removing(.timestamp).removing(.value)) else {
                problems.append(MappingProblem(.error, "the \(what) is empty", file: file, line: 1))
                return nil
            }
            return root
        } catch let e as YamlError {
            problems.append(yamlProblem(e))
        } catch {
            problems.append(MappingProblem(.error, "the file is not valid YAML", file: file))
        }
        return nil
    }

    public func yamlProblem(_ e: YamlError) -> MappingProblem {
        func make(_ problem: String, _ mark: Mark, _ context: YamlError.Context?) -> MappingProblem {
            // A quote left open swallows the lines after it: name the line where it opens.
            if let open = unclosedQuote(upTo: mark.line) {
                return MappingProblem(.error, "a quote that is not closed (YAML: \(problem) at line \(mark.line), column \(mark.column))",
                                      file: file, line: open.line, column: open.column)
            }
            var message = "YAML: \(problem)"
            if character(at: mark) == "\t" || (problem.contains("cannot start any token") && lineText(mark.line).contains("\t")) {
                message += problem.contains("tab") ? "; YAML indents with spaces only" : ": a tab character; YAML indents with spaces only"
            } else if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
                if context.text.contains("quoted") { message += ": a quote that is not closed" }
            }
            return MappingProblem(.error, message, file: file, line: mark.line, column: mark.column)
        }
        switch e {
        case let .scanner(context, problem, mark, _): return make(problem, mark, context)
        case let .parser(context, problem, mark, _): return make(problem, mark, context)
        case let .composer(context, problem, mark, _): return make(problem, mark, context)
        case let .reader(problem, _, _, _): return MappingProblem(.error, "YAML: \(problem)", file: file)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let second = secondOccurrence(of: key, after: context.mark)
            return MappingProblem(.error, "the key '\(key)' appears twice in the same map (first at line \(context.mark.line)); "
                                  + "YAML would keep only one of them", file: file, line: second?.line ?? context.mark.line,
                                  column: second?.column ?? context.mark.column, key: key)
        default:
            return MappingProblem(.error, "the file is not valid YAML", file: file)
        }
    }

    /// The first line up to `last` with an odd number of double or single quotes outside a
    /// comment, and the column of its last quote.
    public func unclosedQuote(upTo last: Int) -> (line: Int, column: Int)? {
        for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(last).enumerated() {
            var inDouble = false, inSingle = false, opened = 0
            for (c, ch) in l.enumerated() {
                if ch == "#" && !inDouble && !inSingle { break }
                if ch == "\"" && !inSingle { inDouble.toggle(); if inDouble { opened = c + 1 } }
                if ch == "'" && !inDouble && (inSingle || c == 0 || " [{:,".contains(l[l.index(l.startIndex, offsetBy: c - 1)])) {
                    inSingle.toggle(); if inSingle { opened = c + 1 }
                }
            }
            if inDouble || inSingle { return (i + 1, opened) }
        }
        return nil
    }

    public func lineText(_ line: Int) -> Substring {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return line >= 1 && line <= lines.count ? lines[line - 1] : ""
    }

    public func character(at mark: Mark) -> Character? {
        let l = lineText(mark.line).unicodeScalars
        guard mark.column >= 1, mark.column <= l.count else { return nil }
        return Character(l[l.index(l.startIndex, offsetBy: mark.column - 1)])
    }

    /// The next line after `mark` with `key:` at the same column.
    public func secondOccurrence(of key: String, after mark: Mark) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var i = mark.line
        while i < lines.count {
            let l = lines[i]
            let indent = l.prefix { $0 == " " }.count
            if indent == mark.column - 1 {
                let rest = l.dropFirst(indent)
                for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form + ":") {
                    return (i + 1, indent + 1)
                }
            }
            i += 1
        }
        return nil
    }

    /// The first line whose text holds a quoted part of `message` (for compile errors).
    public func line(mentioning message: String) -> Int? {
        let quoted = message.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map(\.element).filter { $0.count > 1 }
        for q in quoted.dropFirst() + quoted.prefix(1) {
            for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where l.contains(q) {
                return i + 1
            }
        }
        return nil
    }

    // MARK: Helpers

    /// The entries of a map by key, with errors for keys not in `allowed`.
    public mutating func keyed(_ m: Node.Mapping, allowed: [String], where place: String) -> [String: (Node, Node)] {
        var out: [String: (Node, Node)] = [:]
        for (k, v) in m {
            guard let name = k.string else {
                error("a key \(place) is not a plain name", k)
                continue
            }
            guard allowed.contains(name) else {
                error("unknown key '\(name)' \(place)\(suggestion(name, allowed)) (known: \(allowed.joined(separator: ", ")))", k, key: name)
                continue
            }
            out[name] = (k, v)
            if lines[name] == nil { lines[name] = k.mark?.line }
        }
        return out
    }

    public mutating func scalar(_ node: Node, key: String) -> String? {
        guard let s = node.scalar else {
            error("'\(key)' must be a single value, not a list or a map", node, key: key)
            return nil
        }
        return s.string
    }

    public mutating func strings(_ node: Node, key: String) {
        guard let seq = node.sequence else {
            error("'\(key)' must be a list, like [\"a\", \"b\"]", node, key: key)
            return
        }
        for n in seq { _ = scalar(n, key: key) }
    }

    public mutating func mapping(_ node: Node, key: String, what: String) -> Node.Mapping? {
        guard let m = node.mapping else {
            error("'\(key)' must be \(what)", node, key: key)
            return nil
        }
        return m
    }

    /// " (did you mean 'x'?)" for a near miss.
    public func suggestion(_ name: String, _ candidates: [String]) -> String {
        var best: (name: String, distance: Int)?
        for c in candidates.sorted() {
            let d: Int = Self.distance(name, c)
            if best == nil || d < best!.distance { best = (c, d) }
        }
        guard let best, best.distance <= Swift.max(2, name.count / 4) else { return "" }
        return " (did you mean '\(best.name)'?)"
    }

    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                let substitution: Int = prev + (a[i - 1] == b[j - 1] ? 0 : 1)
                let insertion: Int = row[j - 1] + 1
                let deletion: Int = row[j] + 1
                row[j] = Swift.min(deletion, insertion, substitution)
                prev = cur
            }
        }
        return row[b.count]
    }
}
