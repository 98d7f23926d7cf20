import Foundation
import Publish
import SaksgangCore
import Store

/// Content hashes of the export folder's files, remembered by path, size, modification time
/// and inode, so that a night with nothing new does not read gigabytes just to learn that.
/// A file whose size, time or inode changed is hashed again. Kept in the store
/// (`RunState.fileIndex`), beside the files it says were ingested; keyed by path, so machines
/// sharing a PostgreSQL store keep their folders' entries apart.
struct FileIndex {
    struct Entry: Codable, Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
        var sha256: String
    }

    private(set) var entries: [String: Entry] = [:]

    /// The index the store keeps (empty when it has none or cannot be decoded).
    init(store: any CaseStore) throws(SaksgangError) {
        if let text = try store.runState(.fileIndex),
           let decoded = try? JSONDecoder().decode([String: Entry].self, from: Data(text.utf8)) {
            entries = decoded
        }
    }

    /// The file's hash and size, from the index when the file is unchanged.
    mutating func hash(of path: String, name: String) throws(SaksgangError) -> (String, Int64) {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw SaksgangError(.ioError, "the file cannot be read", at: .init(file: name))
        }
        let size = Int64(st.st_size)
        let modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        let inode = UInt64(st.st_ino)
        if let e = entries[path], e.size == size, e.modified == modified, e.inode == inode {
            return (e.sha256, size)
        }
        let hash: String
        do { hash = try FileHash.sha256(path: path) } catch let e as SaksgangError { throw e } catch {
            throw SaksgangError(.ioError, "the file cannot be read", at: .init(file: name))
        }
        entries[path] = Entry(size: size, modified: modified, inode: inode, sha256: hash)
        return (hash, size)
    }

    /// Forgets the files of `directory` no longer in it, then keeps the index in the store.
    /// It only saves hashing: when it cannot be kept, the next run hashes again.
    mutating func save(directory: String, keeping names: Set<String>, in store: any CaseStore) {
        let prefix = directory + "/"
        entries = entries.filter { path, _ in
            !path.hasPrefix(prefix) || names.contains(String(path.dropFirst(prefix.count)))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(entries) {
            try? store.setRunState(.fileIndex, to: String(decoding: data, as: UTF8.self))
        }
    }
}
