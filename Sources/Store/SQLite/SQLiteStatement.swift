import CSaksgangSQLite
import SaksgangCore

/// A prepared statement, kept and reused for the life of the store. Parameters are
/// 1-based as in SQLite; columns 0-based.
final class SQLiteStatement {
    let handle: OpaquePointer
    unowned let connection: SQLiteConnection

    init(_ handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets and clears bindings so the statement can run again.
    @inline(__always) func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    @inline(__always) func bind(_ i: Int32, _ value: String) {
        // With the length and the String's own UTF-8: passing the String as a C string
        // copied every small one (orgnr, municipality, source) into a new array first.
        var value = value
        value.withUTF8 { utf8 in
            // An empty value still needs a non-null pointer to be '', not NULL.
            let start = UnsafeRawPointer(utf8.baseAddress ?? ("" as StaticString).utf8Start)
            _ = sqlite3_bind_text(handle, i, start.assumingMemoryBound(to: CChar.self), Int32(utf8.count),
                                  saksgang_sqlite_transient())
        }
    }

    @inline(__always) func bind(_ i: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, i, value)
    }

    @inline(__always) func bind(_ i: Int32, _ value: Int) {
        sqlite3_bind_int64(handle, i, Int64(value))
    }

    @inline(__always) func bind(_ i: Int32, _ value: [UInt8]) {
        value.withUnsafeBytes { raw in
            // A zero-length blob still needs a non-null pointer to be a blob, not NULL.
            _ = sqlite3_bind_blob(handle, i, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                  Int32(raw.count), saksgang_sqlite_transient())
        }
    }

    /// Binds borrowed UTF-8 text without a copy: it must stay valid until the statement has
    /// run and been reset (see `SQLiteStore.write`).
    @inline(__always) func bindBorrowed(_ i: Int32, text utf8: UnsafeRawBufferPointer) {
        // An empty value still needs a non-null pointer to be '', not NULL.
        let start = utf8.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
        _ = sqlite3_bind_text(handle, i, start.assumingMemoryBound(to: CChar.self), Int32(utf8.count), nil)  // nil: SQLITE_STATIC
    }

    /// Binds borrowed bytes without a copy: they must stay valid until the statement has
    /// run and been reset (see `SQLiteStore.write`).
    @inline(__always) func bindBorrowed(_ i: Int32, _ raw: UnsafeRawBufferPointer) {
        _ = sqlite3_bind_blob(handle, i, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                              Int32(raw.count), nil)  // nil: SQLITE_STATIC
    }

    /// Steps once: true when a row is ready, false when done.
    @inline(__always) func step(_ doing: String) throws(SaksgangError) -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let e = connection.error(doing, rc)
        sqlite3_reset(handle)
        throw e
    }

    /// Runs a statement that returns no rows, then resets it.
    func run(_ doing: String) throws(SaksgangError) {
        defer { reset() }
        _ = try step(doing)
    }

    @inline(__always) func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    @inline(__always) func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func string(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(handle, column) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeRawBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// The column's bytes, borrowed until the next step or reset.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        let p = sqlite3_column_blob(handle, column)
        let n = Int(sqlite3_column_bytes(handle, column))
        return UnsafeRawBufferPointer(start: p, count: n)
    }
}
