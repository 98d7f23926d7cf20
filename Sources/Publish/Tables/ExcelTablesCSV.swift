import Foundation
import Measure

/// `tabeller-excel.csv`: the rows of `tables.csv` for Excel set to Norwegian, which opens a
/// `;`-separated file with decimal commas by double-click. Each code stands beside its
/// bokmål label (so the file can be matched with `tables.csv` row by row and read without
/// the codebook); shares and differences of shares are in per cent and percentage points.
///
/// Text cells that Excel would take for a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) get a leading apostrophe; numbers are never prefixed.
enum ExcelTablesCSV {
    static let fileName = "tabeller-excel.csv"
    static let header = ["Måltall", "Måltall (kode)", "Statistikk", "Statistikk (kode)", "Enhet", "Enhet (kode)",
                         "Gruppering", "Gruppering (kode)", "Gruppe", "Gruppe (kode)", "Kategori", "Kategori (kode)",
                         "Antall saker", "Estimat", "95 % KI nedre", "95 % KI øvre", "Skjult",
                         "Referansegruppe", "Referansegruppe (kode)", "Saker i referansegruppen", "p-verdi", "Justert p-verdi",
                         "Korreksjon", "Flagget", "Stratifisert etter", "Test", "Grunn til skjuling"]

    static func data(_ rows: [Figure], schoolNames: [String: String] = [:]) -> Data {
        let words = ReportStrings.bokmal
        func groupLabel(_ grouping: String, _ group: String) -> String {
            if grouping == Grouping.school.name, let name = schoolNames[group] { return name }
            return words.groupLabel(grouping: grouping, group: group)
        }
        // The rows come group by group, each with its reference group beside it: the last
        // label of each is kept (a crossing's label is built part by part), for the same bytes.
        var lastLabel: (grouping: String, group: String, label: String)?
        var lastReferenceLabel: (grouping: String, group: String, label: String)?
        func label(_ grouping: String, _ group: String, last: inout (grouping: String, group: String, label: String)?) -> String {
            if let last, last.group.utf8.elementsEqual(group.utf8), last.grouping.utf8.elementsEqual(grouping.utf8) {
                return last.label
            }
            let label = groupLabel(grouping, group)
            last = (grouping, group, label)
            return label
        }
        var bytes = TablesCSV.byteOrderMark
        bytes.reserveCapacity(400 * (rows.count + 1))
        TablesCSV.appendRow(header, separator: UInt8(ascii: ";"), field: field, to: &bytes)
        for f in rows {
            let c = f.comparison
            let percent = f.unit == .proportion && f.statistic != .ratio
            let unitLabel = f.unit != .proportion ? words.unitWord(f.unit)
                : f.statistic == .difference ? "prosentpoeng" : f.statistic == .ratio ? "forholdstall" : "prosent"
            func scaled(_ v: Double?) -> String { number(v.map { percent ? $0 * 100 : $0 }) }
            let cells = [
                textCell(words.metricLabel(f.metric)), textCell(f.metric.name),
                textCell(words.statisticWord(f.statistic)), textCell(f.statistic.rawValue),
                textCell(unitLabel), textCell(f.unit.rawValue),
                textCell(words.groupingTitle(f.grouping)), textCell(f.grouping),
                textCell(label(f.grouping, f.group, last: &lastLabel)), textCell(f.group),
                textCell(f.category.map { words.categoryLabel(f.metric, $0) } ?? ""), textCell(f.category ?? ""),
                f.n.map(String.init) ?? "",
                scaled(f.estimate), scaled(f.ciLow), scaled(f.ciHigh),
                f.suppressed ? "ja" : "nei",
                textCell(c.map { label(f.grouping, $0.reference, last: &lastReferenceLabel) } ?? ""), textCell(c?.reference ?? ""),
                c.map { String($0.referenceN) } ?? "",
                number(c?.pValue), number(c?.pAdjusted), textCell(c?.correction.rawValue ?? ""),
                c.map { $0.flag ? "ja" : "nei" } ?? "", textCell(c?.stratifiedBy ?? ""), textCell(c?.test ?? ""),
                textCell(f.suppressionReason ?? ""),
            ]
            TablesCSV.appendRow(cells, separator: UInt8(ascii: ";"), field: field, to: &bytes)
        }
        return Data(bytes)
    }

    /// A number with a decimal comma, no grouping (Excel reads "12345,5" as a number).
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return NumberText.machine(value, point: UInt8(ascii: ","))
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
        // The bytes first, as in `TablesCSV.field`.
        guard value.utf8.contains(where: { $0 == 0x3B || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return value }
        let needsQuotes = value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\r" || $0 == "\n" })
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
