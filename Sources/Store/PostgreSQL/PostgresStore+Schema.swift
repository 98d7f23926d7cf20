import SaksgangCore

/// The PostgreSQL schema and its migrations, recorded in `meta.schema_version` as in the
/// SQLite store (its own line of versions). Text keys are compared as bytes (`COLLATE "C"`),
/// so cases are scanned in the same order as from SQLite and the reports are the same bytes.
extension PostgresStore {
    /// The schema version this program writes.
    public static let currentSchemaVersion = 1

    /// Migration n brings a store from version n-1 to n. Append, never edit.
    static let migrations: [(version: Int, sql: String)] = [
        (1, """
            CREATE TABLE cases(
                id text COLLATE "C" NOT NULL,
                orgnr text COLLATE "C" NOT NULL,
                municipality text COLLATE "C" NOT NULL,
                source text COLLATE "C" NOT NULL,
                last_changed bigint NOT NULL,
                last_changed_has_time boolean NOT NULL,
                export_time bigint NOT NULL,
                export_time_has_time boolean NOT NULL,
                body bytea NOT NULL,
                PRIMARY KEY(id, orgnr));
            CREATE INDEX cases_by_place ON cases(municipality, orgnr, id);
            CREATE TABLE files(
                hash text COLLATE "C" PRIMARY KEY,
                seq bigserial NOT NULL UNIQUE,
                name text NOT NULL,
                bytes bigint NOT NULL,
                format text COLLATE "C" NOT NULL,
                records bigint NOT NULL,
                inserted bigint NOT NULL,
                updated bigint NOT NULL,
                duplicates bigint NOT NULL,
                quarantined bigint NOT NULL,
                ingested_at bigint NOT NULL,
                ingested_at_has_time boolean NOT NULL,
                mapping_hash text NOT NULL DEFAULT '');
            CREATE TABLE coverage(
                municipality text COLLATE "C" PRIMARY KEY,
                latest_export bigint NOT NULL,
                latest_export_has_time boolean NOT NULL);
            """),
    ]

    static let schemaVersionKey = "schema_version"

    /// Creates the meta table and applies the migrations the database lacks, in one
    /// transaction under a transaction-level advisory lock, so that two programs opening a
    /// new database at once do not both create it.
    static func migrate(_ db: PGConnection) throws(SaksgangError) {
        try db.execute("BEGIN", "cannot begin the schema migration")
        do throws(SaksgangError) {
            _ = try db.query("SELECT pg_advisory_xact_lock($1)", [.int(migrationLock)],
                             "cannot take the schema migration lock")
            try db.execute("CREATE TABLE IF NOT EXISTS meta(key text COLLATE \"C\" PRIMARY KEY, value text NOT NULL)",
                           "cannot create the meta table")
            let row = try db.query("SELECT value FROM meta WHERE key = $1", [.text(schemaVersionKey)], "cannot read the schema version")
            var current = 0
            if row.rows > 0 {
                guard let v = Int(row.string(0, 0)), v >= 0 else {
                    throw SaksgangError(.store, "the store's schema version is not a number",
                                        at: .init(file: db.label, field: "schema_version"))
                }
                current = v
            }
            guard current <= currentSchemaVersion else {
                throw SaksgangError(.store, "the store has schema version \(current), newer than this program's "
                                    + "\(currentSchemaVersion): use a newer saksgang", at: .init(file: db.label))
            }
            for m in migrations where m.version > current {
                try db.execute(m.sql, "cannot migrate the store to schema version \(m.version)")
                _ = try db.query(setMetaSQL, [.text(schemaVersionKey), .text(String(m.version))], "cannot record the schema version")
            }
            try db.execute("COMMIT", "cannot commit the schema migration")
        } catch {
            try? db.execute("ROLLBACK", "cannot roll back the schema migration")
            throw error
        }
    }

    static let setMetaSQL = "INSERT INTO meta(key, value) VALUES($1, $2) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
}
