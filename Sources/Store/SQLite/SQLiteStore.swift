import CSaksgangSQLite
import Foundation
import SaksgangCore

/// The default state store: one SQLite file (WAL journal, `synchronous=FULL`, mode 0600),
/// one transaction per ingested file, statements prepared once and reused.
///
/// Values are always bound, never put into SQL text, so SQLite's error messages cannot
/// carry them. Not thread-safe: one pipeline run owns one store.
public final class SQLiteStore: CaseStore {
    let db: SQLiteConnection
    private let statements: PreparedStatements
    /// Per municipality, a value the stored latest export is known to be at least: an
    /// upsert whose export time is not later skips the coverage write. Lower bounds stay
    /// true while other writers only raise; a rollback may undo raises, so it clears them.
    private var coverageFloor: [String: Timestamp] = [:]
    private var scanning = false
    /// The encoding of the case being written, its storage kept from one write to the next.
    private var body = ByteWriter(capacity: 512)
    /// Which statement an upsert tries first: an insert that leaves a stored case alone
    /// when recent upserts mostly inserted (a first night, a new school), else the look-up.
    /// Either order gives the same outcome; the lean only saves a statement per case.
    /// Counted up for an insert, down for anything else, within ±`leanLimit`.
    private var insertLean = 0
    private static let leanLimit = 16
    /// Between `beginFile` and its commit or rollback.
    private var fileOpen = false
    /// The state directory's run lock, when the store was opened for a run: held as long as
    /// the store is open.
    private var runLock: RunLock?

    static let keyIDKey = "pseudonym_key_id"
    /// School by school (the index by school, no sort); `forEachCase` orders each school's
    /// cases by id.
    static let scanSQL = "SELECT municipality, orgnr, id, body FROM cases ORDER BY municipality, orgnr"

    /// Opens the store file at `path`, creating it (mode 0600) and its parent directory
    /// (mode 0700) when missing, and migrating its schema.
    public convenience init(path: String) throws(SaksgangError) {
        let url = URL(fileURLWithPath: path)
        let label = url.lastPathComponent
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw SaksgangError(.store, "cannot create the store's directory", at: .init(file: label))
            }
        }
        // SQLite would create the file with the umask's mode; create it 0600 first. SQLite
        // gives the -wal and -shm files the database file's mode.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
        } else if errno != EEXIST {
            throw SaksgangError(.store, "cannot create the store file: \(String(cString: strerror(errno)))",
                                at: .init(file: label))
        }
        try self.init(connection: SQLiteConnection(path: url.path, label: label), wal: true)
    }

    /// Opens `store.sqlite` in `stateDirectory` for a run: takes the directory's run lock
    /// first (waiting for it or not) and holds it as long as the store is open.
    public convenience init(stateDirectory: String, wait: Bool) throws(SaksgangError) {
        let lock = try RunLock(stateDirectory: stateDirectory, wait: wait)
        try self.init(path: stateDirectory + "/" + Self.fileName)
        runLock = lock
    }

    /// The store file's name in the state directory.
    public static let fileName = "store.sqlite"

    /// A private store in memory, gone when released: for tests.
    public convenience init(inMemory: Void) throws(SaksgangError) {
        try self.init(connection: SQLiteConnection(path: ":memory:", label: ":memory:"), wal: false)
    }

    private init(connection: SQLiteConnection, wal: Bool) throws(SaksgangError) {
        db = connection
        sqlite3_busy_timeout(db.handle, 10_000)
        if wal {
            let mode = try db.prepare("PRAGMA journal_mode=WAL")
            _ = try mode.step("cannot switch the store to WAL")
            let journal = mode.string(0)
            mode.reset()
            guard journal.lowercased() == "wal" else {
                throw SaksgangError(.store, "the store's file system does not support the WAL journal",
                                    at: .init(file: db.label))
            }
        }
        // FULL, not NORMAL: in WAL mode it costs one fsync per file's commit (about 1 % of the
        // ingesting thread's samples on the SMC files at 100,000 cases), and NORMAL could lose
        // a committed file on power loss after its quarantine entries were archived.
        try db.execute("PRAGMA synchronous=FULL", "cannot set synchronous=FULL")
        // 64 MiB of page cache: inserts land at random places in the key index, and the
        // default 2 MiB cache made a 200k-case file spill pages to the WAL over and over.
        try db.execute("PRAGMA cache_size=-65536", "cannot set the cache size")
        try Self.migrate(db)
        statements = try PreparedStatements(db)
    }

    /// The schema version recorded in the store file.
    public func schemaVersion() throws(SaksgangError) -> Int {
        try meta(Self.schemaVersionKey).flatMap { Int($0) } ?? 0
    }

    // MARK: Key id

    public func recordedKeyID() throws(SaksgangError) -> String? {
        try meta(Self.keyIDKey)
    }

    public func recordKeyID(_ id: String) throws(SaksgangError) {
        try setMeta(Self.keyIDKey, id, "cannot record the key id")
    }

    public func runState(_ name: RunState) throws(SaksgangError) -> String? {
        try meta(name.metaKey)
    }

    public func setRunState(_ name: RunState, to value: String) throws(SaksgangError) {
        try setMeta(name.metaKey, value, "cannot record the run's state")
    }

    private func setMeta(_ key: String, _ value: String, _ doing: String) throws(SaksgangError) {
        let s = statements.metaSet
        s.bind(1, key)
        s.bind(2, value)
        try s.run(doing)
    }

    private func meta(_ key: String) throws(SaksgangError) -> String? {
        let s = statements.metaGet
        defer { s.reset() }
        s.bind(1, key)
        return try s.step("cannot read the meta table") ? s.string(0) : nil
    }

    // MARK: Files and transactions

    public func ingestedFile(hash: String) throws(SaksgangError) -> IngestedFile? {
        let s = statements.fileFind
        defer { s.reset() }
        s.bind(1, hash)
        return try s.step("cannot look up an ingested file") ? Self.file(from: s) : nil
    }

    public func ingestedFiles() throws(SaksgangError) -> [IngestedFile] {
        let s = statements.filesAll
        defer { s.reset() }
        var files: [IngestedFile] = []
        while try s.step("cannot list the ingested files") { files.append(Self.file(from: s)) }
        return files
    }

    public func beginFile() throws(SaksgangError) {
        guard !db.isInTransaction else {
            throw SaksgangError(.store, "a file's transaction is already open", at: .init(file: db.label))
        }
        try statements.begin.run("cannot begin the file's transaction")
        fileOpen = true
    }

    public func commitFile(_ file: IngestedFile) throws(SaksgangError) {
        guard db.isInTransaction else {
            throw SaksgangError(.store, "no file transaction is open to commit", at: .init(file: db.label))
        }
        do throws(SaksgangError) {
            let s = statements.fileInsert
            s.bind(1, file.hash)
            s.bind(2, file.name)
            s.bind(3, file.bytes)
            s.bind(4, file.format)
            s.bind(5, file.records)
            s.bind(6, file.inserted)
            s.bind(7, file.updated)
            s.bind(8, file.duplicates)
            s.bind(9, file.quarantined)
            s.bind(10, file.ingestedAt.seconds)
            s.bind(11, file.ingestedAt.hasTime ? 1 : 0)
            s.bind(12, file.mappingHash)
            try s.run("cannot record the ingested file")
            try statements.commit.run("cannot commit the file's transaction")
            fileOpen = false
        } catch {
            rollbackFile()
            throw error
        }
    }

    public func adoptMappingHash(_ hash: String, format: String) throws(SaksgangError) {
        let s = try db.prepare("UPDATE files SET mapping_hash = ?1 WHERE format = ?2 AND mapping_hash = ''")
        s.bind(1, hash)
        s.bind(2, format)
        try s.run("cannot record the mapping of ingested files")
    }

    public func forgetReadings(format: String) throws(SaksgangError) {
        try beginFile()
        do throws(SaksgangError) {
            let cases = try db.prepare("DELETE FROM cases WHERE source = ?1")
            cases.bind(1, format)
            try cases.run("cannot drop the cases a mapping read")
            let files = try db.prepare("DELETE FROM files WHERE format = ?1")
            files.bind(1, format)
            try files.run("cannot drop the files a mapping read")
            try db.execute("DELETE FROM coverage WHERE municipality NOT IN (SELECT municipality FROM cases)",
                           "cannot drop the latest exports of municipalities without cases")
            try statements.commit.run("cannot commit dropping what a mapping read")
            fileOpen = false
            coverageFloor.removeAll()
        } catch {
            rollbackFile()
            throw error
        }
    }

    public func removeCases(_ keys: [CaseKey], settingRunState name: RunState, to value: String) throws(SaksgangError) {
        try beginFile()
        do throws(SaksgangError) {
            let remove = try db.prepare("DELETE FROM cases WHERE id = ?1 AND orgnr = ?2")
            for key in keys {
                remove.bind(1, key.id.value)
                remove.bind(2, key.orgnr)
                try remove.run("cannot remove a case")
            }
            try setMeta(name.metaKey, value, "cannot record the run's state")
            try statements.commit.run("cannot commit removing cases")
            fileOpen = false
        } catch {
            rollbackFile()
            throw error
        }
    }

    public func rollbackFile() {
        if db.isInTransaction { try? statements.rollback.run("cannot roll back the file's transaction") }
        fileOpen = false
        coverageFloor.removeAll()
    }

    // MARK: Cases

    public func upsert(_ c: Case) throws(SaksgangError) -> UpsertOutcome {
        // Some SQLite errors (disk full, I/O) end the transaction themselves; upserts after
        // that would each commit on their own and leave half a file.
        guard !fileOpen || db.isInTransaction else {
            throw SaksgangError(.store, "the file's transaction was ended by an earlier error; roll the file back",
                                at: .init(file: db.label))
        }
        let outcome = try storeNewer(c)
        try raiseCoverage(c.school.municipality, to: c.exportTime)
        return outcome
    }

    public func storedCase(id: Pseudonym, orgnr: String) throws(SaksgangError) -> Case? {
        let find = statements.caseFind
        find.bind(1, id.value)
        find.bind(2, orgnr)
        guard try find.step("cannot look up a case") else {
            find.reset()
            return nil
        }
        let decoded = Result { () throws(SaksgangError) in try CaseCodec.decode(find.blob(2)) }
        find.reset()
        return try decoded.get()
    }

    public func replace(_ c: Case) throws(SaksgangError) -> UpsertOutcome {
        guard !fileOpen || db.isInTransaction else {
            throw SaksgangError(.store, "the file's transaction was ended by an earlier error; roll the file back",
                                at: .init(file: db.label))
        }
        let find = statements.caseFind
        find.bind(1, c.id.value)
        find.bind(2, c.school.orgnr)
        let found = Result { () throws(SaksgangError) in try find.step("cannot look up a case") }
        find.reset()
        let exists = try found.get()
        try write(c, with: exists ? statements.caseReplace : statements.caseInsert, exists ? "cannot update a case" : "cannot insert a case")
        try raiseCoverage(c.school.municipality, to: c.exportTime)
        return exists ? .updated : .inserted
    }

    /// Compares with the stored version and writes what wins (see `UpsertOutcome`).
    private func storeNewer(_ c: Case) throws(SaksgangError) -> UpsertOutcome {
        if insertLean >= 0 {
            try write(c, with: statements.caseInsertNew, "cannot insert a case")
            if sqlite3_changes(db.handle) > 0 {
                insertLean = min(insertLean + 1, Self.leanLimit)
                return .inserted
            }
        }
        let outcome = try compareWithStored(c)
        insertLean = outcome == .inserted ? min(insertLean + 1, Self.leanLimit) : max(insertLean - 1, -Self.leanLimit)
        return outcome
    }

    /// Looks the case's key up and writes what wins against the stored version.
    private func compareWithStored(_ c: Case) throws(SaksgangError) -> UpsertOutcome {
        let find = statements.caseFind
        find.bind(1, c.id.value)
        find.bind(2, c.school.orgnr)
        guard try find.step("cannot look up a case") else {
            find.reset()
            try write(c, with: statements.caseInsert, "cannot insert a case")
            return .inserted
        }
        // The key row holds `lastChanged` to the second, and timestamps order by the second
        // first: a different second decides the rule's first two cases without the body.
        let storedSeconds = find.int64(0)
        if c.lastChanged.seconds != storedSeconds {
            find.reset()
            guard c.lastChanged.seconds > storedSeconds else { return .stale }
            try write(c, with: statements.caseReplace, "cannot update a case")
            return .updated
        }
        // Same second: the full timestamps (a date-only value sorts before a timed one at the
        // same second) and the content decide, from the stored body.
        let decoded = Result { () throws(SaksgangError) in try CaseCodec.decode(find.blob(2)) }
        find.reset()
        let stored = try decoded.get()
        let (outcome, writes) = try UpsertRule.decide(c, storedLastChanged: stored.lastChanged,
                                                      storedExportTime: stored.exportTime) { () throws(SaksgangError) in stored }
        if writes { try write(c, with: statements.caseReplace, outcome == .updated ? "cannot update a case" : "cannot raise a case's export time") }
        return outcome
    }

    private func write(_ c: Case, with s: SQLiteStatement, _ doing: String) throws(SaksgangError) {
        s.bind(5, c.lastChanged.seconds)
        s.bind(6, c.exportTime.seconds)
        body.clear()
        let key = CaseCodec.write(c, to: &body)
        // The text and the body are bound where they lie, not copied (SQLite's copy of each
        // was an allocation and a free per value): the key columns are the body's first
        // strings, bound from the body's bytes. `run` has reset the statement (and cleared its
        // bindings) before the bytes change.
        try body.withUnsafeBytes { (bytes) throws(SaksgangError) in
            s.bindBorrowed(1, text: UnsafeRawBufferPointer(rebasing: bytes[key.id]))
            s.bindBorrowed(2, text: UnsafeRawBufferPointer(rebasing: bytes[key.orgnr]))
            s.bindBorrowed(3, text: UnsafeRawBufferPointer(rebasing: bytes[key.municipality]))
            s.bindBorrowed(4, text: UnsafeRawBufferPointer(rebasing: bytes[key.source]))
            s.bindBorrowed(7, bytes)
            try s.run(doing)
        }
    }

    private func raiseCoverage(_ municipality: String, to export: Timestamp) throws(SaksgangError) {
        if let floor = coverageFloor[municipality], export <= floor { return }
        let s = statements.coverageRaise
        s.bind(1, municipality)
        s.bind(2, export.seconds)
        s.bind(3, export.hasTime ? 1 : 0)
        try s.run("cannot raise a municipality's latest export")
        coverageFloor[municipality] = max(coverageFloor[municipality] ?? export, export)
    }

    public func forEachCase(_ body: (Case) throws -> Void) throws {
        // A scan inside a scan gets its own statement; the shared one is busy.
        let s = scanning ? try db.prepare(Self.scanSQL) : statements.caseScan
        let shared = !scanning
        if shared { scanning = true }
        defer {
            s.reset()
            if shared {
                scanning = false
                // The scan leaves the page cache full (64 MiB from a million cases) of pages
                // the rest of the run hardly reads: hand them back to the heap before measuring
                // and publishing reach the run's peak. The cache's size stays; it refills as read.
                sqlite3_db_release_memory(db.handle)
            }
        }
        // The index gives the cases school by school; each school's are put in id order here,
        // or, past the limit, by a query of the school's own (SQLite's sorter spills to disk).
        var school = SchoolRows(limit: schoolRowsLimit)
        func finishSchool() throws {
            if school.readsAlone { try school.withPlace { try scanSchool(municipality: $0, orgnr: $1, body) } }
            try school.flush(body)
        }
        while try s.step("cannot read the cases") {
            let municipality = s.blob(0), orgnr = s.blob(1)
            if !school.holds(municipality: municipality, orgnr: orgnr) {
                try finishSchool()
                school.start(municipality: municipality, orgnr: orgnr)
            }
            school.add(id: s.blob(2), body: s.blob(3))
        }
        try finishSchool()
    }

    /// The bytes of one school's rows a scan holds to order them; a school with more is read
    /// by its own query. 64 MiB: some 180,000 cases of a school.
    var schoolRowsLimit = 64 << 20

    /// One school's cases in id order, by a query of their own.
    private func scanSchool(municipality: UnsafeRawBufferPointer, orgnr: UnsafeRawBufferPointer,
                            _ body: (Case) throws -> Void) throws {
        let s = try db.prepare("SELECT body FROM cases WHERE municipality = ?1 AND orgnr = ?2 ORDER BY id")
        defer { s.reset() }
        s.bindBorrowed(1, text: municipality)
        s.bindBorrowed(2, text: orgnr)
        while try s.step("cannot read a school's cases") {
            try body(try CaseCodec.decode(s.blob(0)))
        }
    }

    public func caseCount() throws(SaksgangError) -> Int {
        let s = statements.caseCount
        defer { s.reset() }
        _ = try s.step("cannot count the cases")
        return Int(s.int64(0))
    }

    public func latestExports() throws(SaksgangError) -> [String: Timestamp] {
        let s = statements.coverageAll
        defer { s.reset() }
        var result: [String: Timestamp] = [:]
        while try s.step("cannot read the latest exports") {
            result[s.string(0)] = Timestamp(seconds: s.int64(1), hasTime: s.int64(2) != 0)
        }
        return result
    }

    private static func file(from s: SQLiteStatement) -> IngestedFile {
        IngestedFile(hash: s.string(0), name: s.string(1), bytes: s.int64(2), format: s.string(3),
                     records: Int(s.int64(4)), inserted: Int(s.int64(5)), updated: Int(s.int64(6)),
                     duplicates: Int(s.int64(7)), quarantined: Int(s.int64(8)),
                     ingestedAt: Timestamp(seconds: s.int64(9), hasTime: s.int64(10) != 0), mappingHash: s.string(11))
    }
}
