import Disclose
import Foundation
import SaksgangCore

/// Writes a research extract and what ships with it (docs/extract.md):
/// - `NAME.csv`: UTF-8 without a byte-order mark, comma-separated, a header row, LF line
///   ends, `TRUE`/`FALSE`, whole numbers, an empty field for a missing value and `*` for a
///   quasi-identifier suppressed for k-anonymity. R (`read.csv`), pandas and DuckDB read
///   every column with its type; only `municipality` must be named as text so that `0301`
///   keeps its leading zero (docs/extract.md, "Loading").
/// - `NAME.kanonymity.json`: the k-anonymity check's result (k, the quasi-identifiers, the
///   classes and the smallest, the generalisations and suppressions, and that the cases
///   reconcile: rows + suppressed records = cases).
/// - `NAME.codebook.md`: the columns, their types and meanings, and this release's
///   generalisations.
package enum ExtractWriter {
    package static let schema = "saksgang.extract/1"

    /// The three paths for an extract written to `csvPath`.
    package static func paths(csv csvPath: String) -> (csv: String, check: String, codebook: String) {
        let base = csvPath.hasSuffix(".csv") ? String(csvPath.dropLast(4)) : csvPath
        return (csvPath, base + ".kanonymity.json", base + ".codebook.md")
    }

    package static func write(_ release: ResearchExtract.Release, to csvPath: String) throws(SaksgangError) -> [OutputFile] {
        let p = paths(csv: csvPath)
        let name = (csvPath as NSString).lastPathComponent
        let files = [(p.csv, csv(release)), (p.check, try check(release, csvName: name)), (p.codebook, codebook(release, csvName: name))]
        var written: [OutputFile] = []
        for (path, data) in files {
            do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw SaksgangError(.ioError, "the extract could not be written", at: .init(file: path))
            }
            written.append(OutputFile(name: (path as NSString).lastPathComponent, sha256: FileHash.sha256(data: data), bytes: data.count))
        }
        return written
    }

    package static func csv(_ release: ResearchExtract.Release) -> Data {
        var text = release.columns.map { field($0.name) }.joined(separator: ",") + "\n"
        for row in release.rows {
            text += row.map(field).joined(separator: ",") + "\n"
        }
        return Data(text.utf8)
    }

    /// Quotes a field holding a comma, a quote or a line break, doubling its quotes (codes
    /// and numbers never need it).
    static func field(_ value: String) -> String {
        let needsQuotes = value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" })
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The check's result with what a reader needs to trust it.
    struct Check: Encodable {
        var release: ResearchExtract.Release
        var csvName: String

        enum Keys: String, CodingKey {
            case schema, extract, cases, rows, reconciles, suppressedValue = "suppressed_value", columns
            case quasiIdentifierColumns = "quasi_identifier_columns", municipalityMinimum = "municipality_minimum"
        }

        func encode(to encoder: any Encoder) throws {
            try release.report.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(ExtractWriter.schema, forKey: .schema)
            try c.encode(csvName, forKey: .extract)
            try c.encode(release.cases, forKey: .cases)
            try c.encode(release.rows.count, forKey: .rows)
            try c.encode(release.rows.count + release.report.recordsSuppressed == release.cases, forKey: .reconciles)
            try c.encode(KAnonymity.suppressed, forKey: .suppressedValue)
            try c.encode(release.columns.filter(\.quasiIdentifier).map(\.name), forKey: .quasiIdentifierColumns)
            try c.encode(ResearchExtract.municipalityMinimum(k: release.report.k), forKey: .municipalityMinimum)
        }
    }

    package static func check(_ release: ResearchExtract.Release, csvName: String) throws(SaksgangError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do { return try encoder.encode(Check(release: release, csvName: csvName)) + Data("\n".utf8) } catch {
            throw SaksgangError(.ioError, "the extract's check could not be encoded")
        }
    }

    package static func codebook(_ release: ResearchExtract.Release, csvName: String) -> Data {
        let r = release.report
        var text = """
            # Codebook: \(csvName)

            One row per case of school-environment cases (skolemiljøsaker), pseudonymised and
            k-anonymous over the quasi-identifiers (k = \(r.k)). No dates, schools, names, identity
            numbers, case numbers or free text. `saksgang extract` wrote it; docs/extract.md in the
            Saksgang repository explains the method.

            - UTF-8, comma-separated, header row, `TRUE`/`FALSE`. An empty field is a missing value
              (unknown, not applicable, or an event that has not happened).
            - Read `municipality` as text (kommunenummer keep their leading zero, `0301`):
              R `read.csv(f, colClasses = c(municipality = "character"))`; pandas
              `read_csv(f, dtype={"municipality": str})`; DuckDB
              `read_csv('f', types={'municipality': 'VARCHAR'})`.
            - `\(KAnonymity.suppressed)` in a quasi-identifier column: the value was suppressed for k-anonymity.
            - Survival analysis of an event: time = the event's days if present, else
              `follow_up_days`; event observed = the event's days are present.

            ## This release

            - Cases: \(release.cases); rows: \(release.rows.count); records suppressed: \(r.recordsSuppressed).
            - Equivalence classes: \(r.equivalenceClasses); smallest: \(r.smallestClass).
            - Generalisations applied: \(r.generalisations.isEmpty ? "none" : r.generalisations.map { "\($0.quasiIdentifier) → \($0.levelName)" }.joined(separator: "; ")).
            - Values suppressed: \(r.valuesSuppressed.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ").nonEmpty ?? "none").

            ## Columns

            | column | type | quasi-identifier | meaning |
            |---|---|---|---|

            """
        for column in release.columns {
            text += "| `\(column.name)` | \(column.kind.rawValue) | \(column.quasiIdentifier ? "yes" : "") | \(column.meaning.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return Data(text.utf8)
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
