import Foundation
import Measure

/// `tabeller-excel.csv`: the rows of `tables.csv` for Excel set to Norwegian, which opens a
/// `;`-separated file with decimal commas by double-click. Codes stay as in `tables.csv`
/// so the two files can be matched row by row; headers are Norwegian.
///
/// Text cells that Excel would take for a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) get a leading apostrophe; numbers are never prefixed.
enum ExcelTablesCSV {
    static let fileName = "tabeller-excel.csv"
    static let header = ["Måltall", "Statistikk", "Enhet", "Gruppering", "Gruppe", "Antall saker",
                         "Estimat", "95 % KI nedre", "95 % KI øvre", "Skjult", "Kategori", "Referansegruppe",
                         "Saker i referansegruppen", "p-verdi", "Justert p-verdi", "Korreksjon", "Flagget", "Stratifisert etter",
                         "Test", "Grunn til skjuling"]

    static func data(_ rows: [Figure]) -> Data {
        var text = header.map(field).joined(separator: ";") + "\r\n"
        for f in rows {
            let c = f.comparison
            let cells = [
                textCell(f.metric.name), textCell(f.statistic.rawValue), textCell(f.unit.rawValue), textCell(f.grouping),
                textCell(f.group),
                f.n.map(String.init) ?? "",
                number(f.estimate), number(f.ciLow), number(f.ciHigh),
                f.suppressed ? "ja" : "nei",
                textCell(f.category ?? ""), textCell(c?.reference ?? ""), c.map { String($0.referenceN) } ?? "",
                number(c?.pValue), number(c?.pAdjusted), textCell(c?.correction.rawValue ?? ""),
                c.map { $0.flag ? "ja" : "nei" } ?? "", textCell(c?.stratifiedBy ?? ""), textCell(c?.test ?? ""),
                textCell(f.suppressionReason ?? ""),
            ]
            text += cells.map(field).joined(separator: ";") + "\r\n"
        }
        return Data(TablesCSV.byteOrderMark + Array(text.utf8))
    }

    /// A number with a decimal comma, no grouping (Excel reads "12345,5" as a number).
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return NumberText.machine(value).replacingOccurrences(of: ".", with: ",")
    }

    /// A text cell defused against formula injection.
    static func textCell(_ value: String) -> String {
        guard let first = value.unicodeScalars.first else { return value }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + value
        default: return value
        }
    }

    static func field(_ value: String) -> String {
        let needsQuotes = value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\r" || $0 == "\n" })
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
