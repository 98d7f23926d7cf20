import Foundation
import SaksgangCore

/// The run's quarantine file: one JSON line per rejected record or file, with the reason
/// code, the position and only pseudonymised identifiers. Written to a temporary name and
/// moved into the output folder with the reports.
struct QuarantineLog {
    struct Entry: Encodable {
        var scope: String          // "file", "record" (rejected) or "warning" (stored, flagged)
        var file: String
        var reason: String
        var message: String
        var record: Int?
        var line: Int?
        var byteOffset: Int64?
        var element: String?
        var field: String?
        var caseID: String?

        enum CodingKeys: String, CodingKey {
            case scope, file, reason, message, record, line, element, field
            case byteOffset = "byte_offset", caseID = "case"
        }
    }

    var entries: [Entry] = []

    mutating func add(_ e: SaksgangError, scope: String, file: String, caseID: Pseudonym? = nil) {
        entries.append(Entry(scope: scope, file: file, reason: e.code.rawValue, message: e.message,
                             record: e.location.record, line: e.location.line, byteOffset: e.location.byteOffset,
                             element: e.location.elementPath, field: e.location.field, caseID: caseID?.value))
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for e in entries {
            if let line = try? encoder.encode(e) { out.append(line); out.append(0x0A) }
        }
        return out
    }
}
