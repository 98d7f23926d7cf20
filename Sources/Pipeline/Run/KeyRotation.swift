import Foundation
import Logging
import Pseudonymize
import SaksgangCore
import Store

/// Changing the pseudonym key on purpose. Pseudonyms under the new key cannot be linked to
/// the old ones, and a stored pseudonym cannot be turned into a new-key one (it is a keyed
/// one-way hash of an identity the store never holds), so the store is rebuilt: every
/// archived export is ingested again under the new key into a fresh store, and only when that
/// succeeds is the old store retired (kept, not deleted) and the new one put in its place.
/// The reports are rebuilt too.
///
/// - SQLite: the fresh store is a new state folder beside the live one; the live folder is
///   renamed `<state>.retired-<old key id>` and the new one takes its name.
/// - PostgreSQL: the live store is opened for a run first, so its run lock is held from start
///   to end; the fresh store is built in the schema `saksgang_rebuilding_<new key id>` of the
///   same database, then one transaction moves the live tables into
///   `saksgang_retired_<old key id>` and the rebuilt ones, carrying the new key id, into the
///   live schema. The state folder (logs, quarantine entries) is rebuilt and retired as for
///   SQLite.
public struct KeyRotation {
    public let pipeline: LoadedPipeline
    public let newKeyPath: String
    /// The folder of archived exports to rebuild from (default: the pipeline's input).
    public let archive: String
    let logger: Logger
    let programVersion: String

    public init(pipeline: LoadedPipeline, newKeyPath: String, archive: String?, logger: Logger, programVersion: String) {
        self.pipeline = pipeline
        self.newKeyPath = newKeyPath
        self.archive = archive ?? pipeline.inputDirectory
        self.logger = logger
        self.programVersion = programVersion
    }

    public struct Outcome: Sendable {
        public var oldKeyID: String?
        public var newKeyID: String
        /// Where the old state folder was kept.
        public var retiredState: String?
        /// On PostgreSQL: the schema that holds the old store's tables.
        public var retiredSchema: String?
        public var rebuild: NightlyRun.Outcome
    }

    /// The schemas of a rotation on PostgreSQL.
    public static func rebuildSchema(newKeyID: String) -> String { "saksgang_rebuilding_" + newKeyID }
    public static func retiredSchema(oldKeyID: String?) -> String { "saksgang_retired_" + (oldKeyID ?? "unknown_key") }

    public func run() throws(SaksgangError) -> Outcome {
        let newKey = try PseudonymKey.load(path: newKeyPath)
        if let address = pipeline.storeAddress { return try rotate(postgres: address, newKey: newKey) }
        let fm = FileManager.default
        let live = pipeline.stateDirectory
        try? fm.createDirectory(atPath: live, withIntermediateDirectories: true)
        let lock = try RunLock(stateDirectory: live, wait: false)
        defer { withExtendedLifetime(lock) {} }

        var oldKeyID: String?
        if let oldKey = try? PseudonymKey(contentsOfFile: pipeline.keyPath) { oldKeyID = oldKey.id }
        if oldKeyID == newKey.id {
            throw SaksgangError(.key, "the new key is the key in use; nothing to rotate")
        }
        let building = freshBuildingFolder(newKeyID: newKey.id)
        logger.notice("rebuilding the store under a new key", metadata: ["new_key_id": "\(newKey.id)", "archive": "\(archive)"])
        let outcome = try NightlyRun(pipeline: rebuilt(building), logger: logger, programVersion: programVersion).run()
        let retired = try swapStateFolders(building: building, oldKeyID: oldKeyID,
                                           retireLive: fm.fileExists(atPath: live + "/" + SQLiteStore.fileName))
        logger.notice("key rotated", metadata: ["old_key_id": "\(oldKeyID ?? "none")", "new_key_id": "\(newKey.id)"])
        return Outcome(oldKeyID: oldKeyID, newKeyID: newKey.id, retiredState: retired, rebuild: outcome)
    }

    /// On PostgreSQL: the live store held open (and with it the run lock) throughout, the new
    /// store built in a schema of its own, then swapped in by one transaction.
    private func rotate(postgres address: PostgresAddress, newKey: PseudonymKey) throws(SaksgangError) -> Outcome {
        let live = try PostgresStore(address, forRun: true, wait: false)
        defer { withExtendedLifetime(live) {} }
        var oldKeyID = try live.recordedKeyID()
        if oldKeyID == nil, let oldKey = try? PseudonymKey(contentsOfFile: pipeline.keyPath) { oldKeyID = oldKey.id }
        if oldKeyID == newKey.id {
            throw SaksgangError(.key, "the new key is the key the store was built with; nothing to rotate")
        }
        let rebuildSchema = Self.rebuildSchema(newKeyID: newKey.id), retiredSchema = Self.retiredSchema(oldKeyID: oldKeyID)
        try live.recreateSchema(rebuildSchema)
        let building = freshBuildingFolder(newKeyID: newKey.id)
        logger.notice("rebuilding the store under a new key", metadata: [
            "new_key_id": "\(newKey.id)", "archive": "\(archive)", "schema": "\(rebuildSchema)"])
        let outcome: NightlyRun.Outcome
        do throws(SaksgangError) {
            let run = NightlyRun(pipeline: rebuilt(building), logger: logger, programVersion: programVersion)
            // Without the run lock: `live` holds it for the whole rotation.
            run.openStore = { () throws(SaksgangError) -> any CaseStore in try PostgresStore(address, schema: rebuildSchema) }
            outcome = try run.run()
            try live.adoptRebuiltStore(from: rebuildSchema, keyID: newKey.id, retiringTo: retiredSchema)
        } catch {
            try? live.dropSchema(rebuildSchema)
            throw error
        }
        let fm = FileManager.default
        let retired = try swapStateFolders(building: building, oldKeyID: oldKeyID,
                                           retireLive: fm.fileExists(atPath: pipeline.stateDirectory))
        logger.notice("key rotated", metadata: ["old_key_id": "\(oldKeyID ?? "none")", "new_key_id": "\(newKey.id)",
                                                "retired_schema": "\(retiredSchema)"])
        return Outcome(oldKeyID: oldKeyID, newKeyID: newKey.id, retiredState: retired, retiredSchema: retiredSchema,
                       rebuild: outcome)
    }

    /// The pipeline of the rebuild: the new key, the archive as input, `state` as state folder.
    private func rebuilt(_ state: String) -> LoadedPipeline {
        var rebuilt = pipeline
        rebuilt.stateDirectory = state
        rebuilt.keyPath = newKeyPath
        rebuilt.inputDirectory = archive
        return rebuilt
    }

    /// `<state>.rebuilding-<new key id>` beside the state folder, emptied.
    private func freshBuildingFolder(newKeyID: String) -> String {
        let live = pipeline.stateDirectory
        let building = (live as NSString).deletingLastPathComponent + "/" + (live as NSString).lastPathComponent
            + ".rebuilding-" + newKeyID
        try? FileManager.default.removeItem(atPath: building)
        return building
    }

    /// Retires the live state folder (when `retireLive`; else removes it) and puts the rebuilt
    /// one in its place; the retired folder's path.
    private func swapStateFolders(building: String, oldKeyID: String?, retireLive: Bool) throws(SaksgangError) -> String? {
        let fm = FileManager.default
        let live = pipeline.stateDirectory
        let parent = (live as NSString).deletingLastPathComponent
        let base = (live as NSString).lastPathComponent
        var retired: String?
        if retireLive {
            let name = parent + "/" + base + ".retired-" + (oldKeyID ?? "unknown-key")
            try? fm.removeItem(atPath: name)
            do { try fm.moveItem(atPath: live, toPath: name) } catch {
                throw SaksgangError(.store, "could not retire the old state folder", at: .init(file: live))
            }
            retired = name
        } else {
            try? fm.removeItem(atPath: live)
        }
        do { try fm.moveItem(atPath: building, toPath: live) } catch {
            throw SaksgangError(.store, "could not put the rebuilt state folder in place", at: .init(file: building))
        }
        return retired
    }
}
