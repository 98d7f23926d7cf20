import Foundation
import Logging
import Pseudonymize
import SaksgangCore
import Store

/// Changing the pseudonym key on purpose. Pseudonyms under the new key cannot be linked to
/// the old ones, so the store is rebuilt: every archived export is ingested again under the
/// new key into a fresh store, and only when that succeeds is the old state folder retired
/// (renamed, not deleted) and the new one put in its place. The reports are rebuilt too.
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
        public var retiredState: String?
        public var rebuild: NightlyRun.Outcome
    }

    public func run() throws(SaksgangError) -> Outcome {
        guard pipeline.storeAddress == nil else {
            throw SaksgangError(.configuration, "key rotation rebuilds the state folder's SQLite store; for a PostgreSQL store, "
                + "create an empty database, point store: (or --store) at it and run the pipeline with the new key over the "
                + "archived exports", at: .init(field: "store"))
        }
        let newKey = try PseudonymKey.load(path: newKeyPath)
        let fm = FileManager.default
        let live = pipeline.stateDirectory
        let parent = (live as NSString).deletingLastPathComponent
        try? fm.createDirectory(atPath: live, withIntermediateDirectories: true)
        let lock = try RunLock(stateDirectory: live, wait: false)
        defer { withExtendedLifetime(lock) {} }

        var oldKeyID: String?
        if let oldKey = try? PseudonymKey(contentsOfFile: pipeline.keyPath) { oldKeyID = oldKey.id }
        if oldKeyID == newKey.id {
            throw SaksgangError(.key, "the new key is the key in use; nothing to rotate")
        }
        let base = (live as NSString).lastPathComponent
        let building = parent + "/" + base + ".rebuilding-" + newKey.id
        try? fm.removeItem(atPath: building)

        var rebuilt = pipeline
        rebuilt.stateDirectory = building
        rebuilt.keyPath = newKeyPath
        rebuilt.inputDirectory = archive
        logger.notice("rebuilding the store under a new key", metadata: ["new_key_id": "\(newKey.id)", "archive": "\(archive)"])
        let outcome = try NightlyRun(pipeline: rebuilt, logger: logger, programVersion: programVersion).run()

        var retired: String?
        if fm.fileExists(atPath: live + "/" + SQLiteStore.fileName) {
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
        logger.notice("key rotated", metadata: ["old_key_id": "\(oldKeyID ?? "none")", "new_key_id": "\(newKey.id)"])
        return Outcome(oldKeyID: oldKeyID, newKeyID: newKey.id, retiredState: retired, rebuild: outcome)
    }
}
