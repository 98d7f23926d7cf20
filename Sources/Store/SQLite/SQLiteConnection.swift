import CSaksgangSQLite
import SaksgangCore

/// One open SQLite database handle. Everything the store sends is fixed SQL with bound
/// parameters, never interpolated values, so SQLite's error messages (which quote SQL and
/// names, not bound values) never carry a case's data.
final class SQLiteConnection {
    let handle: OpaquePointer
    /// For error locations: the database file's name (not a personal value).
    let label: String

    init(path: String, label: String) throws(SaksgangError) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw SaksgangError(.store, "cannot open the store: \(message) (SQLite code \(rc))",
                                at: .init(file: label))
        }
        handle = db
        self.label = label
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        // close_v2 defers the close until every statement is finalized.
        sqlite3_close_v2(handle)
    }

    /// An error for a failed call, with SQLite's message and what the store was doing.
    func error(_ doing: String, _ rc: Int32) -> SaksgangError {
        let message = String(cString: sqlite3_errmsg(handle))
        return SaksgangError(.store, "\(doing): \(message) (SQLite code \(rc))", at: .init(file: label))
    }

    /// Runs fixed SQL without parameters (schema, pragmas, transaction control).
    func execute(_ sql: String, _ doing: String) throws(SaksgangError) {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(doing, rc) }
    }

    func prepare(_ sql: String) throws(SaksgangError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error("cannot prepare a statement", rc) }
        return SQLiteStatement(stmt, connection: self)
    }

    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
