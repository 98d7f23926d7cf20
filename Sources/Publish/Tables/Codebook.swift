import Foundation
import Measure

/// `codebook.md`: every field, metric, statistic, unit, grouping, group and category code
/// that can appear in `tables.csv` and `tables.json`, with its meaning in bokmål and
/// English, and what an empty value means. Generated from the typed model, like the schema.
enum Codebook {
    static let fileName = "codebook.md"

    static func data(threshold: Int) -> Data { Data(text(threshold: threshold).utf8) }

    /// Codes of groupings whose groups are not listed: how to read them.
    static let openGroups: [String: String] = [
        "school": "the school's organisasjonsnummer (9 digits) / skolens organisasjonsnummer",
        "municipality": "the kommunenummer (4 digits) / kommunenummer",
        "school_year": "`YYYY-YYYY`, 1 August – 31 July / skoleår",
        "term": "`YYYY-autumn` (August–December) or `YYYY-spring` (January–July) / høst eller vår",
        "source": "the export format (mapping) name, e.g. `smx`, `smc` / eksportformat",
    ]

    static func text(threshold k: Int) -> String {
        var s = "# Codebook: tables.csv and tables.json (\(TablesJSON.schema))\n\n"
        s += "Kodebok for tabellfilene. One row per published figure; `tables.json` holds the same rows (schema: `tables.schema.json`). "
        s += "`tables.csv` is RFC 4180: comma, `.` decimals, UTF-8 with BOM, `true`/`false`, an empty field for an empty value. "
        s += "`tabeller-excel.csv` holds the same rows for Excel set to Norwegian (semicolons, decimal comma, bokmål labels beside the codes, shares in per cent).\n\n"
        s += "## Empty values\n\n"
        s += "| case | how it looks | meaning |\n|---|---|---|\n"
        s += "| withheld / skjult | `suppressed` = `true`; `n`, `estimate`, `ci_low`, `ci_high` empty | disclosure control withheld the figure: fewer than k = \(k) cases, or it could reveal such a figure |\n"
        s += "| not computable / kan ikke beregnes | `suppressed` = `false`, `estimate` empty | no cases, or a percentile not reached (fewer than that share have had the event) |\n"
        s += "| open upper bound / åpen øvre grense | `estimate` given, `ci_high` empty | the interval's upper end is not reached within the data |\n"
        s += "| no interval | `ci_low` and `ci_high` empty | counts have no interval; a curve at S = 1 or 0 has none |\n"
        s += "| not a comparison | `reference` … `test` empty | only `difference` and `ratio` rows fill them |\n"
        s += "| no category | `category` empty | the metric has no categories |\n\n"

        s += "## Fields\n\n| field | type | meaning |\n|---|---|---|\n"
        let fieldTypes: [String: String] = [
            "n": "integer", "estimate": "number", "ci_low": "number", "ci_high": "number", "suppressed": "boolean",
            "reference_n": "integer", "p_value": "number", "p_adjusted": "number", "flag": "boolean",
        ]
        let fieldMeaning: [String: String] = [
            "metric": "what is measured (Metrics below)", "statistic": "what the figure says (Statistics)", "unit": "the unit of the figure (Units)",
            "grouping": "how cases are divided (Groupings)", "group": "the group's code (Groupings)",
            "n": "cases (pupils for `repeat_victimisation`) behind the figure; for a comparison, cases in the group",
            "estimate": "the figure", "ci_low": "lower end of the 95 % confidence interval", "ci_high": "upper end of the 95 % confidence interval",
            "suppressed": "withheld by disclosure control", "category": "the category's code for a metric with categories (Categories)",
            "reference": "comparison: the reference group's code", "reference_n": "comparison: cases in the reference group",
            "p_value": "comparison: the test's p-value", "p_adjusted": "comparison: p after the correction for multiple testing",
            "correction": "comparison: `holm` or `benjamini-hochberg`", "flag": "comparison: `true` when `p_adjusted` < 0.05 and both groups have at least k cases",
            "stratified_by": "comparison: `school` for the comparison within schools, empty when pooled",
            "test": "comparison: " + TablesSchema.tests.map { "`\($0)`" }.joined(separator: ", "),
            "suppression_reason": "why it was withheld (empty when published)",
        ]
        for field in TablesCSV.header {
            s += "| `\(field)` | \(fieldTypes[field] ?? "text") | \(fieldMeaning[field] ?? "") |\n"
        }

        s += "\n## Metrics\n\n| metric | label (nb / en) | statistics and units | definition |\n|---|---|---|---|\n"
        for metric in Metric.catalogue + Metric.dataQuality {
            let columns = metric.columns.map { "`\($0.statistic.rawValue)` (`\($0.unit.rawValue)`)" }.joined(separator: ", ")
            let extra = metric.columns.contains { $0.unit == .proportion } ? "; comparisons: `difference`, `ratio`" : ""
            s += "| `\(metric.name)` | \(cell(metric.label.bokmal)) / \(cell(metric.label.english)) | \(columns)\(extra) | \(cell(metric.definition.english)) |\n"
        }

        s += "\n## Statistics\n\n| statistic | meaning |\n|---|---|\n"
        let statisticMeaning: [Statistic: String] = [
            .count: "a number of cases (or pupils)", .median: "the time by which half of the cases had the event (Kaplan–Meier; R's quantile rule)",
            .p75: "the time by which 75 % had the event", .p90: "the time by which 90 % had the event",
            .share: "a proportion 0–1 (Wilson interval), or one read off a Kaplan–Meier curve",
            .difference: "the group minus its reference group (proportion: percentage points / 100)", .ratio: "the group divided by its reference group",
        ]
        for st in Statistic.allCases { s += "| `\(st.rawValue)` | \(statisticMeaning[st] ?? st.label.english) (\(st.label.bokmal)) |\n" }

        s += "\n## Units\n\n| unit | meaning |\n|---|---|\n"
        let unitMeaning: [FigureUnit: String] = [
            .cases: "cases", .pupils: "pupils (by pseudonym)", .hours: "hours (both ends with a time of day)",
            .calendarDays: "calendar days", .workingDays: "working days: Monday–Friday less Norwegian public holidays",
            .schoolDays: "school days: working days less the school holidays of the municipality's school calendar",
            .proportion: "a proportion from 0 to 1",
        ]
        for u in FigureUnit.allCases { s += "| `\(u.rawValue)` | \(unitMeaning[u] ?? u.label.english) (\(u.label.bokmal)) |\n" }

        s += "\n## Groupings and groups\n\n"
        s += "A crossing joins two groupings with ` x ` and its group codes the same way (`immigrant x yes`). "
        s += "The reference group (compared with) is marked ★. `unknown` is always the group of cases where the value is missing.\n\n"
        for g in Grouping.standard {
            s += "### `\(g.name)`: \(g.label.bokmal) / \(g.label.english)\n\n"
            if let open = openGroups[g.name] {
                s += "Groups: \(open).\n\n"
                continue
            }
            let codes = g.groups.isEmpty ? [] : g.groups
            if g.parts.count == 2 {
                s += "Groups: a code of `\(g.parts[0].name)`, ` x `, a code of `\(g.parts[1].name)`"
                if let open = openGroups[g.parts[0].name] { s += " (\(open))" }
                s += ". Reference: `\(g.parts[0].reference ?? "")` within the same second part.\n\n"
                continue
            }
            s += "| group | label (nb / en) |\n|---|---|\n"
            for code in codes {
                let l = g.label(of: code) ?? Label(verbatim: code)
                s += "| `\(code)`\(code == g.reference ? " ★" : "") | \(cell(l.bokmal)) / \(cell(l.english)) |\n"
            }
            if !codes.contains("unknown") { s += "| `unknown` | Ukjent / Unknown |\n" }
            s += "\n"
        }

        s += "## Categories\n\n"
        for metric in Metric.catalogue + Metric.dataQuality where !metric.categories.isEmpty {
            s += "### `\(metric.name)`\n\n| category | label (nb / en) |\n|---|---|\n"
            for c in metric.categories { s += "| `\(c.code)` | \(cell(c.label.bokmal)) / \(cell(c.label.english)) |\n" }
            s += "\n"
        }

        s += "## Suppression reasons\n\n"
        s += "| reason | meaning |\n|---|---|\n"
        s += "| `primary` | the figure rests on 1 to k − 1 cases |\n| `complementary` | withheld so that another withheld count cannot be worked out from a total |\n"
        s += "| `linked` | the group's case count (or the reference group's) is withheld, so its other figures are too |\n"
        s += "| any other value | a reason added by later disclosure rules; `suppressed` = `true` is what counts |\n"
        return s
    }

    /// Text safe inside a Markdown table cell.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
