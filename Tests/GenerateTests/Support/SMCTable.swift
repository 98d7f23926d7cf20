import Foundation

/// An SMC file read in a plain, independent way: BOM → UTF-8, otherwise Windows-1252; records
/// split on line ends outside quotes; fields split on `;` outside quotes, `""` unescaped.
struct SMCTable {
    var header: [String]
    var rows: [[String]]
    var hadBOM: Bool
    var usesCRLF: Bool

    struct Failure: Error {}

    static func parse(_ data: Data) throws -> SMCTable {
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF])
        guard let text = bom ? String(data: data.dropFirst(3), encoding: .utf8)
                             : String(data: data, encoding: .windowsCP1252) else { throw Failure() }
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var crlf = false
        var chars = Array(text.unicodeScalars)
        if chars.last != "\n" { chars.append("\n") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 }
                    else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == ";" {
                record.append(field); field = ""
            } else if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" {
                crlf = true
            } else if c == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        guard !quoted, let header = records.first else { throw Failure() }
        return SMCTable(header: header, rows: Array(records.dropFirst()), hadBOM: bom, usesCRLF: crlf)
    }

    func column(_ name: String) -> Int { header.firstIndex(of: name)! }
}
