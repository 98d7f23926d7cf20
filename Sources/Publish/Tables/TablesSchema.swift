import Foundation
import Measure

/// `tables.schema.json`: the JSON Schema (draft 2020-12) of `tables.json`, generated from the
/// typed model (Metric, Statistic, FigureUnit, Grouping, Figure.Correction), so a metric or a
/// grouping added to the model is in the schema the same night. Written beside the tables.
enum TablesSchema {
    static let fileName = "tables.schema.json"

    /// The comparison tests named in the `test` column.
    static let tests = ["log-rank", "stratified log-rank", "chi-square", "fisher-exact", "cochran-mantel-haenszel"]

    static var metricNames: [String] { (Metric.catalogue + Metric.dataQuality).map(\.name) }

    static func data() -> Data {
        func nullable(_ type: String, _ description: String, extra: [String: Any] = [:]) -> [String: Any] {
            ["type": [type, "null"], "description": description].merging(extra) { a, _ in a }
        }
        let row: [String: Any] = [
            "type": "object",
            "additionalProperties": false,
            "required": TablesCSV.header,
            "properties": [
                "metric": ["type": "string", "enum": metricNames, "description": "What is measured (codebook.md, Metrics)."],
                "statistic": ["type": "string", "enum": Statistic.allCases.map(\.rawValue), "description": "What the figure says about its cases."],
                "unit": ["type": "string", "enum": FigureUnit.allCases.map(\.rawValue), "description": "The unit of estimate, ci_low and ci_high."],
                "grouping": ["type": "string", "enum": Grouping.standard.map(\.name), "description": "How the cases are divided; crossings joined by ' x '."],
                "group": ["type": "string", "minLength": 1, "description": "The group's code within the grouping (codebook.md, Groupings)."],
                "category": nullable("string", "The category's code for a metric with categories; null otherwise."),
                "n": nullable("integer", "Cases (or pupils) behind the figure; null when withheld.", extra: ["minimum": 0]),
                "estimate": nullable("number", "The figure; null when withheld or not computable."),
                "ci_low": nullable("number", "Lower end of the 95 % interval; null when none."),
                "ci_high": nullable("number", "Upper end of the 95 % interval; null when none or not reached within the data (open upper bound)."),
                "suppressed": ["type": "boolean", "description": "True where disclosure control withheld the figure."],
                "suppression_reason": nullable("string", "Why it was withheld; null when published."),
                "reference": nullable("string", "Comparison rows: the reference group's code."),
                "reference_n": nullable("integer", "Comparison rows: cases in the reference group.", extra: ["minimum": 0]),
                "p_value": nullable("number", "Comparison rows: the test's p-value.", extra: ["minimum": 0, "maximum": 1]),
                "p_adjusted": nullable("number", "Comparison rows: the p-value after the correction.", extra: ["minimum": 0, "maximum": 1]),
                "correction": ["enum": Figure.Correction.allCases.map(\.rawValue) + [NSNull()] as [Any],
                               "description": "Comparison rows: the correction for multiple testing."],
                "flag": nullable("boolean", "Comparison rows: true when p_adjusted < 0.05 and both groups have at least k cases."),
                "stratified_by": nullable("string", "Comparison rows: 'school' for the comparison within schools; null when pooled."),
                "test": ["enum": tests + [NSNull()] as [Any], "description": "Comparison rows: the test behind p_value."],
            ] as [String: Any],
        ]
        let schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Saksgang tables (\(TablesJSON.schema))",
            "description": "One row per published figure. Field meanings, codes and empty values: codebook.md beside this file.",
            "type": "object",
            "additionalProperties": false,
            "required": ["schema", "as_of", "threshold", "rows"],
            "properties": [
                "schema": ["const": TablesJSON.schema],
                "as_of": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "The latest export date."],
                "threshold": ["type": "integer", "minimum": 2, "description": "The disclosure threshold k."],
                "rows": ["type": "array", "items": ["$ref": "#/$defs/row"]],
            ] as [String: Any],
            "$defs": ["row": row],
        ]
        let json = try! JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return json + Data("\n".utf8)
    }
}
