import SaksgangCore

/// The pipeline's state between nights: the pseudonym key id, the files already ingested,
/// every case in its newest version, the latest export time per municipality and the run's
/// own bookkeeping (`RunState`). `SQLiteStore` is the embedded default; `PostgresStore` is the
/// shared one for pooled data. `StoreLocation` opens either for a run, holding the run lock
/// (a lock file, or a PostgreSQL advisory lock) for as long as the store is open.
///
/// Privacy: nothing here takes a `Sensitive` value. A store only ever sees what leaves the
/// ingest stage (privacy.md §2): pseudonymised `Case`s, public file names, hashes and counts.
public protocol CaseStore: AnyObject {
    /// The id of the pseudonym key the stored cases were made with; nil for a new store.
    func recordedKeyID() throws(SaksgangError) -> String?
    /// Records the key id. The pipeline refuses to run when it differs from the current key's.
    func recordKeyID(_ id: String) throws(SaksgangError)

    /// A piece of the run's bookkeeping (JSON text), nil when never set.
    func runState(_ name: RunState) throws(SaksgangError) -> String?
    /// Sets a piece of the run's bookkeeping, committed at once (outside any file's transaction).
    func setRunState(_ name: RunState, to value: String) throws(SaksgangError)

    /// The file with this SHA-256 content hash, when it was ingested before (and is skipped).
    func ingestedFile(hash: String) throws(SaksgangError) -> IngestedFile?

    /// Records `hash` as the mapping version of the files of `format` recorded before mapping
    /// versions were kept (they are taken as read by the current version).
    func adoptMappingHash(_ hash: String, format: String) throws(SaksgangError)
    /// Drops, in one transaction, every case a mapping (`format`) stored, the record of every
    /// file it read, and the latest export of municipalities left without cases: what that
    /// mapping read is then read again from its files as if for the first time.
    func forgetReadings(format: String) throws(SaksgangError)

    /// Opens the transaction of one file: its upserts and the file's record become visible
    /// together at `commitFile`, or not at all.
    func beginFile() throws(SaksgangError)
    /// Records the file and commits its transaction. When it throws, the transaction has
    /// been rolled back (a following `rollbackFile` is harmless).
    func commitFile(_ file: IngestedFile) throws(SaksgangError)
    /// Drops everything since `beginFile`: a damaged file leaves nothing behind.
    func rollbackFile()

    /// Stores a case under its key (id, school orgnr), the later `lastChanged` winning,
    /// and raises its municipality's latest export time. See `UpsertOutcome`.
    func upsert(_ c: Case) throws(SaksgangError) -> UpsertOutcome
    /// The stored version of a case, for formats that deliver a case in pieces (one row
    /// per event) and must be merged with what is stored.
    func storedCase(id: Pseudonym, orgnr: String) throws(SaksgangError) -> Case?
    /// Writes a case merged with its stored version, whatever its last-changed time:
    /// `inserted` when it was not stored, else `updated`.
    func replace(_ c: Case) throws(SaksgangError) -> UpsertOutcome

    /// Removes the cases of `keys` (absent ones are ignored) and sets the run state `name`,
    /// in one transaction: a retention pass and its record commit together or not at all.
    func removeCases(_ keys: [CaseKey], settingRunState name: RunState, to value: String) throws(SaksgangError)

    /// Every stored case, ordered by municipality, school orgnr and id. The body must not
    /// write to the store while the scan runs.
    func forEachCase(_ body: (Case) throws -> Void) throws
    func caseCount() throws(SaksgangError) -> Int
    /// Municipality → the latest export time any upsert brought: open cases of the
    /// municipality are censored there.
    func latestExports() throws(SaksgangError) -> [String: Timestamp]
    /// Every ingested file in the order they were committed.
    func ingestedFiles() throws(SaksgangError) -> [IngestedFile]
}
