import CSaksgangPQ
import SaksgangCore

/// A command's result, checked when made and cleared when released. Rows and columns are
/// 0-based; text results are read with `string`/`int64`/`bool`, binary ones with `bytes`.
final class PGResult {
    let handle: OpaquePointer

    /// Takes `result` when its status is `expecting` (or, by default, any success);
    /// otherwise clears it and throws the connection's error for `doing`.
    init(_ result: OpaquePointer?, _ connection: PGConnection, _ doing: String,
         expecting: ExecStatusType? = nil) throws(SaksgangError) {
        guard let result else { throw connection.error(doing, nil) }
        let status = PQresultStatus(result)
        let ok = expecting.map { status == $0 } ?? (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        guard ok else {
            let e = connection.error(doing, result)
            PQclear(result)
            throw e
        }
        handle = result
    }

    deinit { PQclear(handle) }

    var rows: Int32 { PQntuples(handle) }

    /// The command tag, e.g. `COMMIT` (or `ROLLBACK` when a failed transaction was ended).
    var commandTag: String { String(cString: PQcmdStatus(handle)) }

    func string(_ row: Int32, _ column: Int32) -> String {
        String(cString: PQgetvalue(handle, row, column))
    }

    func int64(_ row: Int32, _ column: Int32) -> Int64 {
        Int64(string(row, column)) ?? 0
    }

    func bool(_ row: Int32, _ column: Int32) -> Bool {
        PQgetvalue(handle, row, column).pointee == CChar(UInt8(ascii: "t"))
    }

    func isNull(_ row: Int32, _ column: Int32) -> Bool {
        PQgetisnull(handle, row, column) == 1
    }

    /// A binary column's bytes, borrowed until the result is released.
    func bytes(_ row: Int32, _ column: Int32) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: PQgetvalue(handle, row, column), count: Int(PQgetlength(handle, row, column)))
    }
}
