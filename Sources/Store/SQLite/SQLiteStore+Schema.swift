import SaksgangCore

/// The schema and its migrations. `meta.schema_version` records the version a store file
/// has; opening it applies every later migration in one transaction each, and refuses a
/// file written by a newer program.
extension SQLiteStore {
    /// The schema version this program writes.
    public static let currentSchemaVersion = 3

    /// Migration n brings a store from version n-1 to n. Append, never edit.
    static let migrations: [(version: Int, sql: String)] = [
        (1, """
            CREATE TABLE cases(
                id TEXT NOT NULL,
                orgnr TEXT NOT NULL,
                municipality TEXT NOT NULL,
                source TEXT NOT NULL,
                last_changed INTEGER NOT NULL,
                export_time INTEGER NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY(id, orgnr));
            CREATE INDEX cases_by_place ON cases(municipality, orgnr, id);
            CREATE TABLE files(
                hash TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                bytes INTEGER NOT NULL,
                format TEXT NOT NULL,
                records INTEGER NOT NULL,
                inserted INTEGER NOT NULL,
                updated INTEGER NOT NULL,
                duplicates INTEGER NOT NULL,
                quarantined INTEGER NOT NULL,
                ingested_at INTEGER NOT NULL,
                ingested_at_has_time INTEGER NOT NULL);
            CREATE TABLE coverage(
                municipality TEXT PRIMARY KEY NOT NULL,
                latest_export INTEGER NOT NULL,
                latest_export_has_time INTEGER NOT NULL);
            """),
        // The mapping version that read each file: a reading is (file hash, mapping hash).
        (2, """
            ALTER TABLE files ADD COLUMN mapping_hash TEXT NOT NULL DEFAULT '';
            """),
        // The index by place stops at the school: an insert then lands at the end of its
        // school's entries instead of at a random place among them, and with the key index
        // the two no longer outgrow the page cache (a million cases: about 18 s of inserts
        // in the floor benchmark with the case id in this index, 12 s without). The scan
        // orders each school's cases by id itself (`forEachCase`).
        (3, """
            DROP INDEX cases_by_place;
            CREATE INDEX cases_by_school ON cases(municipality, orgnr);
            """),
    ]

    static let schemaVersionKey = "schema_version"

    /// Creates the meta table and applies the migrations the file lacks.
    static func migrate(_ db: SQLiteConnection) throws(SaksgangError) {
        try db.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
                       "cannot create the meta table")
        let get = try db.prepare("SELECT value FROM meta WHERE key = ?1")
        let set = try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)")
        try db.execute("BEGIN IMMEDIATE", "cannot begin the schema migration")
        do throws(SaksgangError) {
            get.bind(1, schemaVersionKey)
            var current = 0
            if try get.step("cannot read the schema version") {
                guard let v = Int(get.string(0)), v >= 0 else {
                    get.reset()
                    throw SaksgangError(.store, "the store's schema version is not a number",
                                        at: .init(file: db.label, field: "schema_version"))
                }
                current = v
            }
            get.reset()
            guard current <= currentSchemaVersion else {
                throw SaksgangError(.store, "the store has schema version \(current), newer than this program's "
                                    + "\(currentSchemaVersion): use a newer saksgang", at: .init(file: db.label))
            }
            for m in migrations where m.version > current {
                try db.execute(m.sql, "cannot migrate the store to schema version \(m.version)")
                set.bind(1, schemaVersionKey)
                set.bind(2, String(m.version))
                try set.run("cannot record the schema version")
            }
            try db.execute("COMMIT", "cannot commit the schema migration")
        } catch {
            try? db.execute("ROLLBACK", "cannot roll back the schema migration")
            throw error
        }
    }
}
