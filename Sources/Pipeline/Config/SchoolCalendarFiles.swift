import Foundation
import SaksgangCore
import Yams

/// School calendar files: `<kommunenummer>-<YYYY>-<YYYY+1>.yml` in the pipeline's
/// `calendars` folder, one per municipality and school year (Pipelines/README.md, "School
/// calendars"):
///
/// ```yaml
/// municipality: "0301"
/// school_year: "2024-2025"
/// terms:
///   - { first_day: 2024-08-19, last_day: 2024-12-20 }
///   - { first_day: 2025-01-03, last_day: 2025-06-20 }
/// holidays:
///   - { name: høstferie, from: 2024-09-30, to: 2024-10-04 }
///   - { name: planleggingsdag, from: 2024-11-15 }      # one day: `to` left out
/// ```
///
/// Errors name the file, the field, and the line and column where the YAML has them.
public enum SchoolCalendarFiles {
    /// Reads every `.yml`/`.yaml` file of the folder (other files, and hidden ones, are left
    /// alone). A file whose name is not `<kommunenummer>-<YYYY>-<YYYY+1>.yml` is an error, not
    /// skipped: a misnamed calendar would otherwise be silently missing.
    public static func load(directory: String) throws(SaksgangError) -> SchoolCalendars {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw SaksgangError(.configuration, "cannot read the school calendars folder", at: .init(file: directory, field: "calendars"))
        }
        var calendars: [SchoolCalendar] = []
        var files: [String: String] = [:]
        for name in names.sorted() where !name.hasPrefix(".") && (name.hasSuffix(".yml") || name.hasSuffix(".yaml")) {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            let c = try load(file: path)
            let id = "\(c.municipality)-\(c.schoolYear)"
            if let other = files[id] {
                throw SaksgangError(.configuration, "a second calendar for municipality \(c.municipality), school year \(c.schoolYear) (the first is \(other))",
                                    at: .init(file: path, field: "school_year"))
            }
            files[id] = path
            calendars.append(c)
        }
        return try SchoolCalendars(calendars)
    }

    /// Reads one calendar file; its name must match its municipality and school year.
    public static func load(file path: String) throws(SaksgangError) -> SchoolCalendar {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw SaksgangError(.configuration, "cannot read the school calendar file (UTF-8 expected)", at: .init(file: path))
        }
        let calendar = try parse(yaml: text, file: path)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let stem = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name.hasSuffix(".yml") ? String(name.dropLast(4)) : name
        let expected = "\(calendar.municipality)-\(calendar.schoolYear)"
        guard stem == expected else {
            throw SaksgangError(.configuration, "the file name does not match its content: a calendar for municipality \(calendar.municipality), school year \(calendar.schoolYear) is named \(expected).yml",
                                at: .init(file: path, field: "municipality"))
        }
        return calendar
    }

    /// Reads a calendar from YAML text; `file` only names it in errors.
    public static func parse(yaml text: String, file: String) throws(SaksgangError) -> SchoolCalendar {
        var reader = Reader(file: file)
        return try reader.read(text)
    }

    /// Walks the composed YAML nodes, keeping each field's position for errors.
    private struct Reader {
        let file: String
        /// Positions of the fields `SchoolCalendar.validate()` names.
        var marks: [String: Mark] = [:]

        init(file: String) { self.file = file }

        func fail(_ message: String, _ field: String?, _ mark: Mark?) -> SaksgangError {
            var text = message
            if let mark { text += " (line \(mark.line), column \(mark.column))" }
            return SaksgangError(.configuration, text, at: .init(file: file, line: mark?.line, field: field))
        }

        mutating func read(_ text: String) throws(SaksgangError) -> SchoolCalendar {
            let root: Node?
            do { root = try Yams.compose(yaml: text) } catch {
                throw yamlError(error)
            }
            guard let root, let top = root.mapping else {
                throw fail("a school calendar file is a mapping with municipality, school_year, terms and holidays", nil, root?.mark)
            }
            let fields = try keys(of: top, allowed: ["municipality", "school_year", "terms", "holidays"], prefix: "")

            guard let m = fields["municipality"] else { throw fail("'municipality' is missing", "municipality", top.mark) }
            let municipality = try scalar(m, "municipality")
            marks["municipality"] = m.mark
            guard municipality.count == 4, municipality.allSatisfy({ $0 >= "0" && $0 <= "9" }) else {
                throw fail("municipality must be a four-digit kommunenummer in quotes, such as \"0301\"", "municipality", m.mark)
            }

            guard let y = fields["school_year"] else { throw fail("'school_year' is missing", "school_year", top.mark) }
            guard let year = SchoolYear(try scalar(y, "school_year")) else {
                throw fail("school_year must be two consecutive years, such as \"2024-2025\"", "school_year", y.mark)
            }

            guard let t = fields["terms"] else { throw fail("'terms' is missing", "terms", top.mark) }
            guard let termNodes = t.sequence else {
                throw fail("terms must be a list of { first_day, last_day }", "terms", t.mark)
            }
            marks["terms"] = t.mark
            var terms: [ClosedRange<LocalDate>] = []
            for (i, node) in termNodes.enumerated() {
                let field = "terms[\(i)]"
                guard let map = node.mapping else { throw fail("a term is { first_day: yyyy-mm-dd, last_day: yyyy-mm-dd }", field, node.mark) }
                marks[field] = node.mark
                let f = try keys(of: map, allowed: ["first_day", "last_day"], prefix: field + ".")
                guard let a = f["first_day"] else { throw fail("'\(field).first_day' is missing", field + ".first_day", node.mark) }
                guard let b = f["last_day"] else { throw fail("'\(field).last_day' is missing", field + ".last_day", node.mark) }
                let first = try date(a, field + ".first_day"), last = try date(b, field + ".last_day")
                guard first <= last else {
                    throw fail("last_day \(last) is before first_day \(first)", field + ".last_day", b.mark)
                }
                terms.append(first...last)
            }

            var holidays: [SchoolCalendar.Holiday] = []
            if let h = fields["holidays"], !isNull(h) {
                guard let nodes = h.sequence else {
                    throw fail("holidays must be a list of { name, from, to }", "holidays", h.mark)
                }
                for (i, node) in nodes.enumerated() {
                    let field = "holidays[\(i)]"
                    guard let map = node.mapping else { throw fail("a holiday is { name: ..., from: yyyy-mm-dd, to: yyyy-mm-dd }", field, node.mark) }
                    marks[field] = node.mark
                    let f = try keys(of: map, allowed: ["name", "from", "to"], prefix: field + ".")
                    guard let n = f["name"] else { throw fail("'\(field).name' is missing", field + ".name", node.mark) }
                    marks[field + ".name"] = n.mark
                    guard let a = f["from"] else { throw fail("'\(field).from' is missing", field + ".from", node.mark) }
                    let name = try scalar(n, field + ".name")
                    let from = try date(a, field + ".from")
                    let to = try f["to"].map { (b: Node) throws(SaksgangError) -> LocalDate in try date(b, field + ".to") } ?? from
                    guard from <= to else {
                        throw fail("'to' \(to) is before 'from' \(from)", field + ".to", f["to"]?.mark)
                    }
                    holidays.append(SchoolCalendar.Holiday(name: name, dates: from...to))
                }
            }

            let calendar = SchoolCalendar(municipality: municipality, schoolYear: year, terms: terms, holidays: holidays)
            do { try calendar.validate() } catch {
                let field = error.location.field
                throw fail(error.message, field, field.flatMap { marks[$0] })
            }
            return calendar
        }

        /// The mapping's values by key; an unknown key is an error (a misspelt `holiday:` would
        /// otherwise be a calendar without holidays).
        func keys(of map: Node.Mapping, allowed: [String], prefix: String) throws(SaksgangError) -> [String: Node] {
            var out: [String: Node] = [:]
            for (k, v) in map {
                let key = k.string ?? ""
                guard allowed.contains(key) else {
                    throw fail("unknown key '\(prefix)\(key)' (expected \(allowed.joined(separator: ", ")))", prefix + key, k.mark)
                }
                out[key] = v
            }
            return out
        }

        func isNull(_ node: Node) -> Bool {
            guard let s = node.scalar else { return false }
            return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
        }

        func scalar(_ node: Node, _ field: String) throws(SaksgangError) -> String {
            guard let s = node.scalar, !isNull(node) else { throw fail("'\(field)' must be a single value", field, node.mark) }
            return s.string
        }

        func date(_ node: Node, _ field: String) throws(SaksgangError) -> LocalDate {
            let text = try scalar(node, field)
            let p = text.split(separator: "-", omittingEmptySubsequences: false)
            guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
                  let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), let date = LocalDate(year: y, month: m, day: d)
            else { throw fail("'\(field)' is not a date (yyyy-mm-dd)", field, node.mark) }
            return date
        }

        func yamlError(_ error: Error) -> SaksgangError {
            switch error {
            case YamlError.scanner(let context, let problem, let mark, _),
                 YamlError.parser(let context, let problem, let mark, _),
                 YamlError.composer(let context, let problem, let mark, _):
                let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
                return fail("not valid YAML: \(what)", nil, mark)
            case YamlError.duplicatedKeysInMapping(let duplicates, let context):
                return fail("a key appears twice: \(duplicates.joined(separator: ", "))", duplicates.first, context.mark)
            default:
                return fail("not valid YAML: \(error)", nil, nil)
            }
        }
    }
}
