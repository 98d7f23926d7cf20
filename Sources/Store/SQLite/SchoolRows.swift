import Foundation
import SaksgangCore

/// The stored rows of one school during a scan, copied out of SQLite's row buffers into one
/// byte buffer, then handed on in id order: SQLite's own ORDER BY over the id sorted every
/// case's body (about 4 s for a million cases in the floor benchmark), this sorts a school's
/// ids. Ids compare byte by byte, as SQLite's BINARY collation does, so the order is the one
/// `ORDER BY municipality, orgnr, id` gives. A school whose rows outgrow `limit` bytes lets
/// them go and is read by a query of its own instead (`readsAlone`, `SQLiteStore.forEachCase`),
/// so that one export filing every case under one orgnr does not hold them all in memory.
struct SchoolRows {
    let limit: Int
    /// The school held outgrew `limit`: its rows are not kept.
    private(set) var readsAlone = false
    private var bytes: [UInt8] = []
    /// Each row's id and body as ranges of `bytes`.
    private var rows: [(id: Range<Int>, body: Range<Int>)] = []
    /// The school's municipality and orgnr, as `bytes[0..<placeEnd]` with the split at `placeSplit`.
    private var placeSplit = 0
    private var placeEnd = 0
    private var isOpen = false

    /// Whether the row of `municipality` and `orgnr` belongs to the school held.
    func holds(municipality: UnsafeRawBufferPointer, orgnr: UnsafeRawBufferPointer) -> Bool {
        guard isOpen else { return false }
        return bytes.withUnsafeBytes { b in
            Self.equal(UnsafeRawBufferPointer(rebasing: b[0..<placeSplit]), municipality)
                && Self.equal(UnsafeRawBufferPointer(rebasing: b[placeSplit..<placeEnd]), orgnr)
        }
    }

    init(limit: Int) { self.limit = limit }

    /// The school's municipality and orgnr, borrowed for `body`.
    func withPlace<T>(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try bytes.withUnsafeBytes { b in
            try body(UnsafeRawBufferPointer(rebasing: b[0..<placeSplit]), UnsafeRawBufferPointer(rebasing: b[placeSplit..<placeEnd]))
        }
    }

    /// Starts the next school (after `flush`).
    mutating func start(municipality: UnsafeRawBufferPointer, orgnr: UnsafeRawBufferPointer) {
        bytes.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: municipality)
        placeSplit = bytes.count
        bytes.append(contentsOf: orgnr)
        placeEnd = bytes.count
        isOpen = true
        readsAlone = false
    }

    /// Keeps a row of the school, unless the school reads alone; past `limit` it lets go of
    /// the rows held (and their grown storage) and reads alone from then on.
    mutating func add(id: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer) {
        guard !readsAlone else { return }
        let idStart = bytes.count
        bytes.append(contentsOf: id)
        let bodyStart = bytes.count
        bytes.append(contentsOf: body)
        rows.append((idStart..<bodyStart, bodyStart..<bytes.count))
        if bytes.count > limit {
            readsAlone = true
            rows = []
            bytes = Array(bytes[..<placeEnd])
        }
    }

    /// Decodes the school's cases held in id order and hands each to `body`; then holds nothing.
    mutating func flush(_ body: (Case) throws -> Void) throws {
        defer {
            rows.removeAll(keepingCapacity: true)
            isOpen = false
        }
        guard !rows.isEmpty else { return }
        try bytes.withUnsafeBytes { b in
            let ordered = rows.sorted { Self.precedes(UnsafeRawBufferPointer(rebasing: b[$0.id]), UnsafeRawBufferPointer(rebasing: b[$1.id])) }
            for row in ordered { try body(try CaseCodec.decode(UnsafeRawBufferPointer(rebasing: b[row.body]))) }
        }
    }

    private static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// SQLite's BINARY collation: the bytes compared, then the shorter first.
    private static func precedes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let n = min(a.count, b.count)
        let c = n == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, n)
        return c != 0 ? c < 0 : a.count < b.count
    }
}
