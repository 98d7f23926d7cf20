import SaksgangCore

/// The store's statements, prepared once when it opens and reused for every call.
struct PreparedStatements {
    let metaGet, metaSet: SQLiteStatement
    let begin, commit, rollback: SQLiteStatement
    let caseFind, caseInsert, caseInsertNew, caseReplace, caseCount, caseScan: SQLiteStatement
    let coverageRaise, coverageAll: SQLiteStatement
    let fileFind, fileInsert, filesAll: SQLiteStatement

    static let fileColumns = """
        hash, name, bytes, format, records, inserted, updated, duplicates, quarantined, \
        ingested_at, ingested_at_has_time, mapping_hash
        """

    init(_ db: SQLiteConnection) throws(SaksgangError) {
        metaGet = try db.prepare("SELECT value FROM meta WHERE key = ?1")
        metaSet = try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)")
        begin = try db.prepare("BEGIN IMMEDIATE")
        commit = try db.prepare("COMMIT")
        rollback = try db.prepare("ROLLBACK")
        caseFind = try db.prepare("SELECT last_changed, export_time, body FROM cases WHERE id = ?1 AND orgnr = ?2")
        caseInsert = try db.prepare("""
            INSERT INTO cases(id, orgnr, municipality, source, last_changed, export_time, body)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """)
        // Inserts a case whose key is not stored and leaves a stored one alone: a new case
        // costs one statement instead of a look-up and an insert.
        caseInsertNew = try db.prepare("""
            INSERT INTO cases(id, orgnr, municipality, source, last_changed, export_time, body)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id, orgnr) DO NOTHING
            """)
        caseReplace = try db.prepare("""
            UPDATE cases SET municipality = ?3, source = ?4, last_changed = ?5, export_time = ?6, body = ?7
            WHERE id = ?1 AND orgnr = ?2
            """)
        caseCount = try db.prepare("SELECT count(*) FROM cases")
        caseScan = try db.prepare(SQLiteStore.scanSQL)
        coverageRaise = try db.prepare("""
            INSERT INTO coverage(municipality, latest_export, latest_export_has_time) VALUES(?1, ?2, ?3)
            ON CONFLICT(municipality) DO UPDATE
            SET latest_export = excluded.latest_export, latest_export_has_time = excluded.latest_export_has_time
            WHERE (excluded.latest_export, excluded.latest_export_has_time)
                > (coverage.latest_export, coverage.latest_export_has_time)
            """)
        coverageAll = try db.prepare(
            "SELECT municipality, latest_export, latest_export_has_time FROM coverage ORDER BY municipality")
        fileFind = try db.prepare("SELECT \(Self.fileColumns) FROM files WHERE hash = ?1")
        fileInsert = try db.prepare("""
            INSERT INTO files(\(Self.fileColumns)) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            """)
        filesAll = try db.prepare("SELECT \(Self.fileColumns) FROM files ORDER BY rowid")
    }
}
