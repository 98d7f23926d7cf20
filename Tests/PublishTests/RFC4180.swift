/// A strict RFC 4180 reader for the tests, written apart from the writer under test: quoted
/// fields, doubled quotes, CRLF records. It fails on anything the RFC does not allow (a bare
/// LF, a quote inside an unquoted field, text after a closing quote).
enum RFC4180 {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String, separator: Character = ",") throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var chars = Array(text)[...]
        var atFieldStart = true
        while let c = chars.first {
            chars = chars.dropFirst()
            if atFieldStart && c == "\"" {
                // Quoted field: read to the closing quote.
                while true {
                    guard let q = chars.first else { throw Malformed(description: "unterminated quote") }
                    chars = chars.dropFirst()
                    if q == "\"" {
                        if chars.first == "\"" {
                            field.append("\"")
                            chars = chars.dropFirst()
                        } else {
                            break
                        }
                    } else {
                        field.append(q)
                    }
                }
                atFieldStart = false
                guard let next = chars.first, next == separator || next == "\r\n" else {
                    throw Malformed(description: "text after closing quote")
                }
                continue
            }
            atFieldStart = false
            switch c {
            case separator:
                record.append(field)
                field = ""
                atFieldStart = true
            case "\r\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                atFieldStart = true
            case "\"":
                throw Malformed(description: "quote inside an unquoted field")
            case "\n", "\r":
                throw Malformed(description: "bare line break")
            default:
                field.append(c)
            }
        }
        guard record.isEmpty, field.isEmpty else { throw Malformed(description: "last record lacks CRLF") }
        return records
    }
}
