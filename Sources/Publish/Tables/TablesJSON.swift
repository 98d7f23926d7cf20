import Disclose
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
        Data(try bytes(rows, asOf: asOf, threshold: threshold))
    }

    /// The file's bytes. Each row is written by `JSONBytes.figure`, the same bytes as
    /// `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` gives the row (one encoder
    /// call per row was most of the time spent on this file).
    static func bytes(_ rows: [Figure], asOf: LocalDate, threshold: Int) throws -> [UInt8] {
        var json = JSONBytes(escapesSlashes: false, capacity: 400 * rows.count + 128)
        json.raw("{\n  \"schema\": ")
        json.string(schema)
        json.raw(",\n  \"as_of\": ")
        json.string(asOf.description)
        json.raw(",\n  \"threshold\": ")
        json.int(threshold)
        json.raw(",\n")
        if rows.isEmpty {
            json.raw("  \"rows\": []\n")
        } else {
            json.raw("  \"rows\": [\n")
            for (i, row) in rows.enumerated() {
                json.raw("    ")
                try json.figure(row)
                if i + 1 < rows.count { json.raw(",\n") } else { json.raw("\n") }
            }
            json.raw("  ]\n")
        }
        json.raw("}\n")
        return json.take()
    }
}
