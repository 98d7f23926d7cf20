import SaksgangCore

/// Key rotation on a shared database. A pseudonym is a keyed one-way hash of an identity the
/// store never holds, so stored pseudonyms cannot be turned into new-key ones: the new store
/// is rebuilt from the archived exports, as for SQLite. Here it is built in a schema of its
/// own in the same database while the live store, opened for a run, holds the run lock; then
/// one transaction moves the live tables into a retired schema and the rebuilt ones (their
/// key id the new key's) into the live schema. A run on another machine waits or stops for
/// the whole rotation, and sees either the old store or the new one, never a mixture.
extension PostgresStore {
    /// The live store's tables, moved together.
    static let tables = ["meta", "cases", "files", "coverage"]

    /// The connection's schema: where the live store's tables are.
    public func currentSchema() throws(SaksgangError) -> String {
        let r = try db.query("SELECT current_schema()", [], "cannot read the store's schema")
        guard r.rows > 0, !r.isNull(0, 0) else {
            throw SaksgangError(.store, "the connection has no schema to keep the store in (search_path)", at: .init(file: db.label))
        }
        return r.string(0, 0)
    }

    /// Makes `schema` empty and new: dropped with everything in it if it exists (a rebuild
    /// that stopped half-way), then created.
    public func recreateSchema(_ schema: String) throws(SaksgangError) {
        try inOwnTransaction("cannot make the schema for the rebuilt store") { () throws(SaksgangError) in
            try db.execute("DROP SCHEMA IF EXISTS \(Self.quoted(schema)) CASCADE", "cannot drop a stale rebuild schema")
            try db.execute("CREATE SCHEMA \(Self.quoted(schema))", "cannot create the schema for the rebuilt store")
        }
    }

    /// Drops `schema` and everything in it (a rebuild that failed).
    public func dropSchema(_ schema: String) throws(SaksgangError) {
        try db.execute("DROP SCHEMA IF EXISTS \(Self.quoted(schema)) CASCADE", "cannot drop the rebuild schema")
    }

    /// In one transaction: checks that the store rebuilt in `rebuilt` carries `keyID`, moves
    /// this store's tables into `retired` (replacing a schema of that name) and the rebuilt
    /// tables into this store's schema, and drops the emptied `rebuilt` schema. Afterwards
    /// this store is the rebuilt one.
    public func adoptRebuiltStore(from rebuilt: String, keyID: String, retiringTo retired: String) throws(SaksgangError) {
        guard !fileOpen else {
            throw SaksgangError(.store, "a file's transaction is open", at: .init(file: db.label))
        }
        let live = try currentSchema()
        guard live != rebuilt, live != retired, rebuilt != retired else {
            throw SaksgangError(.store, "the live, rebuilt and retired schemas must differ", at: .init(file: db.label))
        }
        let (l, n, r) = (Self.quoted(live), Self.quoted(rebuilt), Self.quoted(retired))
        try inOwnTransaction("cannot put the rebuilt store in place") { () throws(SaksgangError) in
            let key = try db.query("SELECT value FROM \(n).meta WHERE key = $1", [.text(Self.keyIDKey)],
                                   "cannot read the rebuilt store's key id")
            guard key.rows > 0, key.string(0, 0) == keyID else {
                throw SaksgangError(.store, "the rebuilt store does not carry the new key's id (\(keyID)); the live store is unchanged",
                                    at: .init(file: db.label))
            }
            try db.execute("DROP SCHEMA IF EXISTS \(r) CASCADE", "cannot replace the retired schema")
            try db.execute("CREATE SCHEMA \(r)", "cannot create the retired schema")
            for table in Self.tables {
                try db.execute("ALTER TABLE \(l).\(table) SET SCHEMA \(r)", "cannot retire the live store's tables")
            }
            for table in Self.tables {
                try db.execute("ALTER TABLE \(n).\(table) SET SCHEMA \(l)", "cannot move the rebuilt store's tables in place")
            }
            try db.execute("DROP SCHEMA \(n)", "cannot drop the emptied rebuild schema")
        }
        try readStamps()
    }

    /// Runs `body` between BEGIN and COMMIT, rolling back when it throws.
    private func inOwnTransaction(_ doing: String, _ body: () throws(SaksgangError) -> Void) throws(SaksgangError) {
        guard !db.inTransaction else {
            throw SaksgangError(.store, "\(doing): a transaction is already open", at: .init(file: db.label))
        }
        try db.execute("BEGIN", doing)
        do throws(SaksgangError) {
            try body()
            guard !db.transactionFailed, try db.query("COMMIT", [], doing).commandTag == "COMMIT" else {
                throw SaksgangError(.store, "\(doing): an earlier error ended the transaction", at: .init(file: db.label))
            }
        } catch {
            if db.inTransaction { try? db.execute("ROLLBACK", doing) }
            throw error
        }
    }

    /// An SQL identifier in double quotes (a schema name never travels as a parameter).
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
