import Foundation
import Measure
import SaksgangCore

/// `tables.json`: `{"schema": "saksgang.tables/1", "as_of", "threshold", "rows"}`, one row per
/// line, each row encoded by `Figure`'s own `Codable` with sorted keys (every key present,
/// `null` when empty), so a line diff between two nights shows exactly the figures that moved.
enum TablesJSON {
    static let fileName = "tables.json"
    static let schema = "saksgang.tables/1"

    static func data(_ rows: [Figure], asOf: LocalDate, threshold: Int) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        var text = "{\n"
        text += "  \"schema\": \(try json(schema)),\n"
        text += "  \"as_of\": \(try json(asOf.description)),\n"
        text += "  \"threshold\": \(threshold),\n"
        if rows.isEmpty {
            text += "  \"rows\": []\n"
        } else {
            text += "  \"rows\": [\n"
            for (i, row) in rows.enumerated() {
                text += "    " + (try json(row)) + (i + 1 < rows.count ? ",\n" : "\n")
            }
            text += "  ]\n"
        }
        text += "}\n"
        return Data(text.utf8)
    }
}
