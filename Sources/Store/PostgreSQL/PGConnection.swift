import CSaksgangPQ
import Foundation
import SaksgangCore

/// One libpq connection. Values always travel as bound parameters or COPY data, never in
/// SQL text, and errors carry only the server's primary message and SQLSTATE (never its
/// DETAIL, which can quote a row), so no error can carry a case's data. The connection is
/// named by its address without the password.
final class PGConnection {
    let handle: OpaquePointer
    /// The address without a password, for error locations.
    let label: String

    init(_ address: PostgresAddress) throws(SaksgangError) {
        label = address.description
        // Defaults first; the URL (expanded from `dbname`, last) overrides any it sets.
        let keywords = ["connect_timeout", "application_name", "client_encoding", "dbname"]
        let values = ["10", "saksgang", "UTF8", address.url]
        let k = keywords.map { strdup($0) }, v = values.map { strdup($0) }
        defer { (k + v).forEach { free($0) } }
        let conn = PQconnectdbParams(k.map { UnsafePointer($0) } + [nil], v.map { UnsafePointer($0) } + [nil], 1)
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            let message = conn.map { Self.firstLine(PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(conn)
            throw SaksgangError(.store, "cannot connect to the PostgreSQL store: \(message)", at: .init(file: address.description))
        }
        handle = conn
        // Notices ("relation already exists, skipping") would go to standard error, and a run
        // under cron must print nothing.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { PQfinish(handle) }

    /// True inside a transaction block (open, or failed and waiting for ROLLBACK).
    var inTransaction: Bool { PQtransactionStatus(handle) != PQTRANS_IDLE }
    /// True when an error aborted the open transaction: only ROLLBACK is accepted.
    var transactionFailed: Bool { PQtransactionStatus(handle) == PQTRANS_INERROR }

    /// Runs fixed SQL without parameters (schema, transaction control, cursors).
    func execute(_ sql: String, _ doing: String) throws(SaksgangError) {
        _ = try PGResult(PQexec(handle, sql), self, doing)
    }

    /// Runs SQL with parameters `$1…`; results come as text, or as binary when `binary`.
    func query(_ sql: String, _ parameters: [PGParameter], binary: Bool = false,
               _ doing: String) throws(SaksgangError) -> PGResult {
        var buffers: [UnsafeMutablePointer<CChar>] = []
        var lengths: [Int32] = [], formats: [Int32] = [], types: [Oid] = []
        defer { buffers.forEach { $0.deallocate() } }
        for p in parameters {
            let (bytes, format, type) = p.wire
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress ?? UnsafeRawPointer(buffer), byteCount: raw.count)
            }
            buffer[bytes.count] = 0
            buffers.append(buffer)
            lengths.append(Int32(bytes.count))
            formats.append(format)
            types.append(type)
        }
        let values: [UnsafePointer<CChar>?] = buffers.map { UnsafePointer($0) }
        return try PGResult(PQexecParams(handle, sql, Int32(parameters.count), types, values, lengths, formats, binary ? 1 : 0),
                            self, doing)
    }

    /// `COPY … FROM STDIN`: sends `data` (already in the COPY format the statement names).
    func copyIn(_ sql: String, _ data: [UInt8], _ doing: String) throws(SaksgangError) {
        _ = try PGResult(PQexec(handle, sql), self, doing, expecting: PGRES_COPY_IN)
        let chunk = 1 << 20
        var sent = true
        data.withUnsafeBufferPointer { all in
            var offset = 0
            while sent && offset < all.count {
                let n = min(chunk, all.count - offset)
                all.baseAddress!.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: n) {
                    sent = PQputCopyData(handle, $0, Int32(n)) == 1
                }
                offset += n
            }
        }
        let ended = PQputCopyEnd(handle, sent ? nil : "saksgang stopped sending") == 1
        // Every result of the COPY must be read before the connection takes the next command.
        var failure: SaksgangError?
        while let r = PQgetResult(handle) {
            if failure == nil, PQresultStatus(r) != PGRES_COMMAND_OK { failure = error(doing, r) }
            PQclear(r)
        }
        if let failure { throw failure }
        guard sent && ended else { throw error(doing, nil) }
    }

    /// An error for a failed command: the server's primary message and SQLSTATE, or
    /// libpq's message for a connection problem. A full disk on the server is said as such.
    func error(_ doing: String, _ result: OpaquePointer?) -> SaksgangError {
        var message = "", state = ""
        if let result {
            message = PQresultErrorField(result, Self.primaryMessage).map { String(cString: $0) } ?? ""
            state = PQresultErrorField(result, Self.sqlState).map { String(cString: $0) } ?? ""
        }
        if message.isEmpty { message = Self.firstLine(PQerrorMessage(handle)) }
        if state == "53100" {
            return SaksgangError(.diskFull, "disk full: the PostgreSQL server has no space left (\(doing)); free space there "
                + "and run again (the store keeps every file committed so far, the previous reports are intact)",
                                 at: .init(file: label))
        }
        let code = state.isEmpty ? "" : " (PostgreSQL SQLSTATE \(state))"
        return SaksgangError(.store, "\(doing): \(message)\(code)", at: .init(file: label))
    }

    static let primaryMessage = Int32(UInt8(ascii: "M"))
    static let sqlState = Int32(UInt8(ascii: "C"))

    static func firstLine(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        return String(cString: text).split(separator: "\n").first.map(String.init) ?? ""
    }
}

/// A parameter of `PGConnection.query`: text and numbers travel as text, bytes as binary.
enum PGParameter {
    case text(String)
    case int(Int64)
    case bool(Bool)
    case bytes([UInt8])

    static let byteaOID: Oid = 17, int8OID: Oid = 20, boolOID: Oid = 16

    /// The bytes, the format (0 text, 1 binary) and the type (0: the server infers it).
    var wire: (bytes: [UInt8], format: Int32, type: Oid) {
        switch self {
        case .text(let s): return (Array(s.utf8), 0, 0)
        case .int(let n): return (Array(String(n).utf8), 0, Self.int8OID)
        case .bool(let b): return (Array((b ? "t" : "f").utf8), 0, Self.boolOID)
        case .bytes(let b): return (b, 1, Self.byteaOID)
        }
    }
}
