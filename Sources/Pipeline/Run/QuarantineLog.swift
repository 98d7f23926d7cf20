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
        /// In a summary entry: how many entries of this reason were not listed.
        var omitted: Int?

        enum CodingKeys: String, CodingKey {
            case scope, file, reason, message, record, line, element, field, omitted
            case byteOffset = "byte_offset", caseID = "case"
        }
    }

    var entries: [Entry] = []
    /// Entries listed one by one per file, scope and reason; beyond it they are counted and
    /// summarised in one entry (`summarize`), so a file that repeats one bad record millions
    /// of times costs neither memory nor disk.
    var cap = QuarantineLog.defaultCap
    static let defaultCap = 1_000

    private struct Bucket: Hashable { var scope: String, file: String, reason: String }
    private var listed: [Bucket: Int] = [:]
    private var overflow: [Bucket: Int] = [:]
    private var overflowOrder: [Bucket] = []

    init(cap: Int = QuarantineLog.defaultCap) { self.cap = cap }

    mutating func add(_ e: SaksgangError, scope: String, file: String, caseID: Pseudonym? = nil) {
        let bucket = Bucket(scope: scope, file: file, reason: e.code.rawValue)
        let n = listed[bucket, default: 0]
        guard n < cap else {
            if overflow[bucket] == nil { overflowOrder.append(bucket) }
            overflow[bucket, default: 0] += 1
            return
        }
        listed[bucket] = n + 1
        entries.append(Entry(scope: scope, file: file, reason: e.code.rawValue, message: e.message,
                             record: e.location.record, line: e.location.line, byteOffset: e.location.byteOffset,
                             element: e.location.elementPath, field: e.location.field, caseID: caseID?.value))
    }

    /// One entry per file, scope and reason that went over the cap: "N more records with
    /// reason X".
    mutating func summarize() {
        for b in overflowOrder {
            let n = overflow[b] ?? 0
            let what = b.scope == "warning" ? "warnings" : (b.scope == "file" ? "files" : "records")
            entries.append(Entry(scope: b.scope, file: b.file, reason: b.reason,
                                 message: "\(n) more \(what) with reason \(b.reason), not listed one by one (the first \(cap) are)",
                                 omitted: n))
        }
        overflow = [:]
        overflowOrder = []
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
