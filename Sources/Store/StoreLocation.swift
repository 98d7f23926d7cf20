import SaksgangCore

/// Where a pipeline's state store is: `store.sqlite` in the state directory (the embedded
/// default), or a PostgreSQL database shared by the machines that pool their data
/// (`store: "postgresql://USER@HOST:PORT/DB"` in the pipeline file, or `--store`).
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(stateDirectory: String)
    case postgres(PostgresAddress)

    /// Opens the store for a run, holding the run lock as long as the store is open: the
    /// state directory's lock file for SQLite, the database's advisory lock for PostgreSQL.
    /// A lock held elsewhere is waited for when `wait`, else a `lockHeld` error.
    public func openForRun(wait: Bool) throws(SaksgangError) -> any CaseStore {
        switch self {
        case .sqlite(let directory): return try SQLiteStore(stateDirectory: directory, wait: wait)
        case .postgres(let address): return try PostgresStore(address, forRun: true, wait: wait)
        }
    }

    /// The store file's path, or the PostgreSQL URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let directory): return directory + "/" + SQLiteStore.fileName
        case .postgres(let address): return address.description
        }
    }
}
