import Foundation
import Measure

/// `tables.csv`, the researchers' contract (metrics.md §7): RFC 4180, comma-separated,
/// UTF-8 with a byte-order mark, CRLF line ends, the header in the order of §7, `.` decimals,
/// `true`/`false`, and an empty field for an empty value. R (`read.csv`), pandas and DuckDB
/// read it without options.
enum TablesCSV {
    static let fileName = "tables.csv"
    static let header = ["metric", "statistic", "unit", "grouping", "group", "n", "estimate",
                         "ci_low", "ci_high", "suppressed", "category", "reference", "reference_n", "p_value", "p_adjusted",
                         "correction", "flag", "stratified_by", "test", "suppression_reason"]
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func data(_ rows: [Figure]) -> Data {
        var bytes = byteOrderMark
        bytes.reserveCapacity(160 * (rows.count + 1))
        appendRow(header, separator: UInt8(ascii: ","), field: field, to: &bytes)
        for row in rows {
            appendRow(cells(row), separator: UInt8(ascii: ","), field: field, to: &bytes)
        }
        return Data(bytes)
    }

    /// Appends the bytes of `cells.map(field).joined(separator:) + "\r\n"` without making
    /// the row a `String` first: joining and concatenating the rows of this file and of
    /// `tabeller-excel.csv` was about 2 % of a run's samples at 100,000 cases.
    static func appendRow(_ cells: [String], separator: UInt8, field: (String) -> String, to bytes: inout [UInt8]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(separator) }
            bytes.append(contentsOf: field(cell).utf8)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// A row's cells in header order, unquoted.
    static func cells(_ f: Figure) -> [String] {
        let c = f.comparison
        return [f.metric.name, f.statistic.rawValue, f.unit.rawValue, f.grouping, f.group,
                f.n.map(String.init) ?? "",
                f.estimate.map(NumberText.machine) ?? "",
                f.ciLow.map(NumberText.machine) ?? "",
                f.ciHigh.map(NumberText.machine) ?? "",
                f.suppressed ? "true" : "false",
                f.category ?? "",
                c?.reference ?? "", c.map { String($0.referenceN) } ?? "",
                c?.pValue.map(NumberText.machine) ?? "", c?.pAdjusted.map(NumberText.machine) ?? "",
                c?.correction.rawValue ?? "", c.map { $0.flag ? "true" : "false" } ?? "",
                c?.stratifiedBy ?? "", c?.test ?? "",
                f.suppressionReason ?? ""]
    }

    /// Quotes a field holding a comma, a quote or a line break, doubling its quotes.
    static func field(_ value: String) -> String {
        // Most cells hold none of these bytes, and then no such `Character` either: looking
        // at the bytes first spares the walk over `Character`s (a quarter of a million cells).
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return value }
        let needsQuotes = value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" })
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
