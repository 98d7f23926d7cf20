import SaksgangCore

/// The shared state store for pooled data (a county, a research group): the same boundary
/// as `SQLiteStore` on a PostgreSQL database, with the same results.
///
/// - **One run at a time per database**: a store opened for a run holds a session advisory
///   lock (`pg_try_advisory_lock`, or `pg_advisory_lock` to wait) until it is released, so
///   two machines never interleave; a killed run's lock goes with its connection.
/// - **Bulk loading**: a file's cases are buffered and sent with `COPY … FROM STDIN` in
///   binary form, then merged into `cases` in the file's transaction. The last-changed and
///   export times of every stored case are read once when the store opens (nobody else
///   writes while the lock is held), so an upsert decides what it does without asking the
///   server; only an equal last-changed time with a later export reads the stored case.
/// - **Crash safety**: a file's cases, its latest exports and its `files` row commit in one
///   transaction, or not at all.
///
/// Not thread-safe: one pipeline run owns one store.
public final class PostgresStore: CaseStore {
    let db: PGConnection
    /// The committed times of every stored case.
    private var stored: [CaseKey: Stamps] = [:]
    /// Times of the cases written in the open transaction, sent or not; merged into `stored`
    /// when it commits, dropped when it rolls back.
    private var written: [CaseKey: Stamps] = [:]
    /// Cases written in the open transaction and not sent yet (one version per key).
    private var unsent: [CaseKey: Case] = [:]
    /// The committed latest export per municipality, and the raises of the open transaction.
    private var coverage: [String: Timestamp] = [:]
    private var raised: [String: Timestamp] = [:]
    /// Between `beginFile` and its commit or rollback.
    private(set) var fileOpen = false
    /// Open scans: each has its own cursor.
    private var scans = 0

    /// Advisory lock keys: the run lock and the schema migration lock.
    static let runLock: Int64 = 0x5341_4B53_0000_0001, migrationLock: Int64 = 0x5341_4B53_0000_0002
    /// Cases buffered before they are sent.
    static let batch = 20_000
    static let caseColumns = """
        id, orgnr, municipality, source, last_changed, last_changed_has_time, export_time, export_time_has_time, body
        """
    static let fileColumns = """
        hash, name, bytes, format, records, inserted, updated, duplicates, quarantined, \
        ingested_at, ingested_at_has_time, mapping_hash
        """
    static let keyIDKey = "pseudonym_key_id"

    struct Stamps {
        var lastChanged: Timestamp
        var exportTime: Timestamp
        init(_ c: Case) {
            lastChanged = c.lastChanged
            exportTime = c.exportTime
        }
        init(lastChanged: Timestamp, exportTime: Timestamp) {
            self.lastChanged = lastChanged
            self.exportTime = exportTime
        }
    }

    /// Connects, migrates the schema and reads the stored cases' times. Opened for a run
    /// (`forRun`), it first takes the database's run lock: it waits for it when `wait`,
    /// otherwise a lock held elsewhere is a `lockHeld` error.
    ///
    /// `schema` names a PostgreSQL schema (namespace) of the database to keep the tables in
    /// instead of the connection's own (`public` unless the role or URL says otherwise); key
    /// rotation builds the new store there (`PostgresStore+Rotation`). It must exist.
    public init(_ address: PostgresAddress, schema: String? = nil, forRun: Bool = false, wait: Bool = false) throws(SaksgangError) {
        db = try PGConnection(address)
        if let schema {
            _ = try db.query("SELECT set_config('search_path', $1, false)", [.text(Self.quoted(schema))],
                             "cannot choose the store's schema")
        }
        if forRun { try takeRunLock(wait: wait) }
        try Self.migrate(db)
        try db.execute("CREATE TEMP TABLE incoming AS SELECT \(Self.caseColumns) FROM cases WITH NO DATA",
                       "cannot create the loading table")
        try readStamps()
    }

    private func takeRunLock(wait: Bool) throws(SaksgangError) {
        if wait {
            _ = try db.query("SELECT pg_advisory_lock($1)", [.int(Self.runLock)], "cannot wait for the run lock")
            return
        }
        let r = try db.query("SELECT pg_try_advisory_lock($1)", [.int(Self.runLock)], "cannot take the run lock")
        guard r.bool(0, 0) else {
            throw SaksgangError(.lockHeld, "another saksgang run holds the lock on this PostgreSQL store; try again when it has "
                                + "finished (or use --wait)", at: .init(file: db.label))
        }
    }

    /// Reads every stored case's times and every municipality's latest export.
    func readStamps() throws(SaksgangError) {
        stored = [:]
        coverage = try latestExports()
        do {
            try scan("SELECT id, orgnr, last_changed, last_changed_has_time, export_time, export_time_has_time FROM cases",
                     binary: false, "cannot read the stored cases") { r, i in
                stored[CaseKey(id: Pseudonym(r.string(i, 0)), orgnr: r.string(i, 1))] = Stamps(
                    lastChanged: Timestamp(seconds: r.int64(i, 2), hasTime: r.bool(i, 3)),
                    exportTime: Timestamp(seconds: r.int64(i, 4), hasTime: r.bool(i, 5)))
            }
        } catch let e as SaksgangError { throw e } catch {
            throw SaksgangError(.store, "cannot read the stored cases", at: .init(file: db.label))
        }
    }

    // MARK: Key id and run state

    public func recordedKeyID() throws(SaksgangError) -> String? {
        try meta(Self.keyIDKey)
    }

    public func recordKeyID(_ id: String) throws(SaksgangError) {
        _ = try db.query(Self.setMetaSQL, [.text(Self.keyIDKey), .text(id)], "cannot record the key id")
    }

    public func runState(_ name: RunState) throws(SaksgangError) -> String? {
        try meta(name.metaKey)
    }

    public func setRunState(_ name: RunState, to value: String) throws(SaksgangError) {
        _ = try db.query(Self.setMetaSQL, [.text(name.metaKey), .text(value)], "cannot record the run's state")
    }

    private func meta(_ key: String) throws(SaksgangError) -> String? {
        let r = try db.query("SELECT value FROM meta WHERE key = $1", [.text(key)], "cannot read the meta table")
        return r.rows > 0 ? r.string(0, 0) : nil
    }

    // MARK: Files and transactions

    public func ingestedFile(hash: String) throws(SaksgangError) -> IngestedFile? {
        let r = try db.query("SELECT \(Self.fileColumns) FROM files WHERE hash = $1", [.text(hash)],
                             "cannot look up an ingested file")
        return r.rows > 0 ? Self.file(r, 0) : nil
    }

    public func ingestedFiles() throws(SaksgangError) -> [IngestedFile] {
        let r = try db.query("SELECT \(Self.fileColumns) FROM files ORDER BY seq", [], "cannot list the ingested files")
        return (0..<r.rows).map { Self.file(r, $0) }
    }

    public func beginFile() throws(SaksgangError) {
        guard !fileOpen && !db.inTransaction else {
            throw SaksgangError(.store, "a file's transaction is already open", at: .init(file: db.label))
        }
        try db.execute("BEGIN", "cannot begin the file's transaction")
        fileOpen = true
    }

    public func commitFile(_ file: IngestedFile) throws(SaksgangError) {
        guard fileOpen else {
            throw SaksgangError(.store, "no file transaction is open to commit", at: .init(file: db.label))
        }
        do throws(SaksgangError) {
            try send()
            _ = try db.query("INSERT INTO files(\(Self.fileColumns)) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", [
                .text(file.hash), .text(file.name), .int(file.bytes), .text(file.format), .int(Int64(file.records)),
                .int(Int64(file.inserted)), .int(Int64(file.updated)), .int(Int64(file.duplicates)),
                .int(Int64(file.quarantined)), .int(file.ingestedAt.seconds), .bool(file.ingestedAt.hasTime),
                .text(file.mappingHash),
            ], "cannot record the ingested file")
            try commit("cannot commit the file's transaction")
        } catch {
            rollbackFile()
            throw error
        }
    }

    public func rollbackFile() {
        if db.inTransaction { try? db.execute("ROLLBACK", "cannot roll back the file's transaction") }
        fileOpen = false
        written = [:]
        unsent = [:]
        raised = [:]
    }

    /// Commits the open transaction; what it wrote becomes the stored state.
    private func commit(_ doing: String) throws(SaksgangError) {
        // COMMIT of a failed transaction rolls it back and says ROLLBACK.
        guard !db.transactionFailed, try db.query("COMMIT", [], doing).commandTag == "COMMIT" else {
            throw SaksgangError(.store, "\(doing): an earlier error ended the transaction", at: .init(file: db.label))
        }
        stored.merge(written) { $1 }
        coverage.merge(raised) { max($0, $1) }
        fileOpen = false
        written = [:]
        raised = [:]
    }

    /// Runs `body` in the open file's transaction, or in a transaction of its own.
    private func writing<T>(_ body: () throws(SaksgangError) -> T) throws(SaksgangError) -> T {
        if fileOpen {
            guard !db.transactionFailed else {
                throw SaksgangError(.store, "the file's transaction was ended by an earlier error; roll the file back",
                                    at: .init(file: db.label))
            }
            let value = try body()
            if unsent.count >= Self.batch { try send() }
            return value
        }
        try beginFile()
        do throws(SaksgangError) {
            let value = try body()
            try send()
            try commit("cannot commit a case")
            return value
        } catch {
            rollbackFile()
            throw error
        }
    }

    /// Sends the buffered cases with one binary COPY into the loading table, merges them
    /// into `cases`, and raises the latest exports, inside the open transaction.
    private func send() throws(SaksgangError) {
        if !unsent.isEmpty {
            var copy = BinaryCopy()
            for c in unsent.values {
                copy.row(fields: 9)
                copy.text(c.id.value)
                copy.text(c.school.orgnr)
                copy.text(c.school.municipality)
                copy.text(c.source)
                copy.int64(c.lastChanged.seconds)
                copy.bool(c.lastChanged.hasTime)
                copy.int64(c.exportTime.seconds)
                copy.bool(c.exportTime.hasTime)
                copy.blob(CaseCodec.encode(c))
            }
            try db.copyIn("COPY incoming(\(Self.caseColumns)) FROM STDIN (FORMAT binary)", copy.finished(), "cannot load cases")
            try db.execute("""
                INSERT INTO cases(\(Self.caseColumns)) SELECT \(Self.caseColumns) FROM incoming
                ON CONFLICT(id, orgnr) DO UPDATE SET municipality = excluded.municipality, source = excluded.source,
                    last_changed = excluded.last_changed, last_changed_has_time = excluded.last_changed_has_time,
                    export_time = excluded.export_time, export_time_has_time = excluded.export_time_has_time,
                    body = excluded.body
                """, "cannot store the loaded cases")
            try db.execute("TRUNCATE incoming", "cannot empty the loading table")
            unsent = [:]
        }
        for (municipality, export) in raised.sorted(by: { $0.key < $1.key }) {
            _ = try db.query("""
                INSERT INTO coverage(municipality, latest_export, latest_export_has_time) VALUES($1, $2, $3)
                ON CONFLICT(municipality) DO UPDATE
                SET latest_export = excluded.latest_export, latest_export_has_time = excluded.latest_export_has_time
                WHERE (excluded.latest_export, excluded.latest_export_has_time)
                    > (coverage.latest_export, coverage.latest_export_has_time)
                """, [.text(municipality), .int(export.seconds), .bool(export.hasTime)],
                "cannot raise a municipality's latest export")
        }
    }

    /// Sends what is buffered before a read that must see it.
    private func sendForRead() throws(SaksgangError) {
        if fileOpen { try send() }
    }

    public func adoptMappingHash(_ hash: String, format: String) throws(SaksgangError) {
        _ = try db.query("UPDATE files SET mapping_hash = $1 WHERE format = $2 AND mapping_hash = ''",
                         [.text(hash), .text(format)], "cannot record the mapping of ingested files")
    }

    public func forgetReadings(format: String) throws(SaksgangError) {
        try beginFile()
        do throws(SaksgangError) {
            _ = try db.query("DELETE FROM cases WHERE source = $1", [.text(format)], "cannot drop the cases a mapping read")
            _ = try db.query("DELETE FROM files WHERE format = $1", [.text(format)], "cannot drop the files a mapping read")
            try db.execute("DELETE FROM coverage WHERE municipality NOT IN (SELECT municipality FROM cases)",
                           "cannot drop the latest exports of municipalities without cases")
            try commit("cannot commit dropping what a mapping read")
        } catch {
            rollbackFile()
            throw error
        }
        try readStamps()
    }

    public func removeCases(_ keys: [CaseKey], settingRunState name: RunState, to value: String) throws(SaksgangError) {
        try beginFile()
        do throws(SaksgangError) {
            for key in keys {
                _ = try db.query("DELETE FROM cases WHERE id = $1 AND orgnr = $2", [.text(key.id.value), .text(key.orgnr)],
                                 "cannot remove a case")
            }
            _ = try db.query(Self.setMetaSQL, [.text(name.metaKey), .text(value)], "cannot record the run's state")
            try commit("cannot commit removing cases")
        } catch {
            rollbackFile()
            throw error
        }
        for key in keys { stored[key] = nil }
    }

    // MARK: Cases

    public func upsert(_ c: Case) throws(SaksgangError) -> UpsertOutcome {
        try writing { () throws(SaksgangError) -> UpsertOutcome in
            let outcome = try storeNewer(c)
            raise(c.school.municipality, to: c.exportTime)
            return outcome
        }
    }

    public func storedCase(id: Pseudonym, orgnr: String) throws(SaksgangError) -> Case? {
        let key = CaseKey(id: id, orgnr: orgnr)
        if let c = unsent[key] { return c }
        guard stamps(key) != nil else { return nil }
        let r = try db.query("SELECT body FROM cases WHERE id = $1 AND orgnr = $2", [.text(id.value), .text(orgnr)],
                             binary: true, "cannot look up a case")
        guard r.rows > 0 else { return nil }
        return try CaseCodec.decode(r.bytes(0, 0))
    }

    public func replace(_ c: Case) throws(SaksgangError) -> UpsertOutcome {
        try writing { () throws(SaksgangError) -> UpsertOutcome in
            let key = CaseKey(c)
            let exists = stamps(key) != nil
            write(c, key)
            raise(c.school.municipality, to: c.exportTime)
            return exists ? .updated : .inserted
        }
    }

    /// Compares with the stored version and writes what wins (see `UpsertOutcome`).
    private func storeNewer(_ c: Case) throws(SaksgangError) -> UpsertOutcome {
        let key = CaseKey(c)
        guard let s = stamps(key) else {
            write(c, key)
            return .inserted
        }
        let (outcome, writes) = try UpsertRule.decide(c, storedLastChanged: s.lastChanged, storedExportTime: s.exportTime) {
            () throws(SaksgangError) in try storedCase(id: c.id, orgnr: c.school.orgnr)
        }
        if writes { write(c, key) }
        return outcome
    }

    private func stamps(_ key: CaseKey) -> Stamps? { written[key] ?? stored[key] }

    private func write(_ c: Case, _ key: CaseKey) {
        unsent[key] = c
        written[key] = Stamps(c)
    }

    private func raise(_ municipality: String, to export: Timestamp) {
        if let known = raised[municipality] ?? coverage[municipality], export <= known { return }
        raised[municipality] = export
    }

    public func forEachCase(_ body: (Case) throws -> Void) throws {
        try scan("SELECT body FROM cases ORDER BY municipality, orgnr, id", binary: true, "cannot read the cases") { r, i in
            try body(try CaseCodec.decode(r.bytes(i, 0)))
        }
    }

    public func caseCount() throws(SaksgangError) -> Int {
        try sendForRead()
        return Int(try db.query("SELECT count(*) FROM cases", [], "cannot count the cases").int64(0, 0))
    }

    public func latestExports() throws(SaksgangError) -> [String: Timestamp] {
        try sendForRead()
        let r = try db.query("SELECT municipality, latest_export, latest_export_has_time FROM coverage", [],
                             "cannot read the latest exports")
        var result: [String: Timestamp] = [:]
        for i in 0..<r.rows { result[r.string(i, 0)] = Timestamp(seconds: r.int64(i, 1), hasTime: r.bool(i, 2)) }
        return result
    }

    /// Rows of `sql` through a cursor, a batch at a time, so a million cases never sit in
    /// memory at once. Inside a file's transaction the scan sees what the file wrote;
    /// otherwise it reads one snapshot in a read-only transaction of its own. Scans nest
    /// (each has its own cursor), and the body may read the store between rows.
    private func scan(_ sql: String, binary: Bool, _ doing: String, _ row: (PGResult, Int32) throws -> Void) throws {
        let own = !db.inTransaction
        if own {
            try db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", doing)
        } else {
            try sendForRead()
        }
        scans += 1
        let cursor = "scan\(scans)"
        defer { scans -= 1 }
        do {
            try db.execute("DECLARE \(cursor) NO SCROLL CURSOR FOR \(sql)", doing)
            while true {
                let r = try db.query("FETCH 10000 FROM \(cursor)", [], binary: binary, doing)
                if r.rows == 0 { break }
                for i in 0..<r.rows { try row(r, i) }
            }
            try db.execute("CLOSE \(cursor)", doing)
            if own { try db.execute("COMMIT", doing) }
        } catch {
            if own {
                try? db.execute("ROLLBACK", doing)
            } else if !db.transactionFailed {
                try? db.execute("CLOSE \(cursor)", doing)
            }
            throw error
        }
    }

    private static func file(_ r: PGResult, _ i: Int32) -> IngestedFile {
        IngestedFile(hash: r.string(i, 0), name: r.string(i, 1), bytes: r.int64(i, 2), format: r.string(i, 3),
                     records: Int(r.int64(i, 4)), inserted: Int(r.int64(i, 5)), updated: Int(r.int64(i, 6)),
                     duplicates: Int(r.int64(i, 7)), quarantined: Int(r.int64(i, 8)),
                     ingestedAt: Timestamp(seconds: r.int64(i, 9), hasTime: r.bool(i, 10)), mappingHash: r.string(i, 11))
    }
}
