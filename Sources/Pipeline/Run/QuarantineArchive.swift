import Foundation

/// The quarantine entries of each stored file, kept in the state folder by the file's
/// content hash (`<state>/quarantine/<sha256>.jsonl`) and written before the file's
/// transaction commits. The published `quarantine.jsonl` is put together from them and from
/// the files refused whole tonight, so it is the same whether a file was stored tonight or
/// before a crash.
struct QuarantineArchive {
    let directory: String

    init(stateDirectory: String) {
        directory = stateDirectory + "/quarantine"
    }

    func path(hash: String) -> String { directory + "/" + hash + ".jsonl" }

    /// Writes a file's entries (an empty file when there are none).
    func save(_ data: Data, hash: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path(hash: hash)), options: .atomic)
    }

    func load(hash: String) -> Data {
        FileManager.default.contents(atPath: path(hash: hash)) ?? Data()
    }

    /// Forgets the entries of files the store no longer holds, and any temporary file a
    /// killed run left.
    func prune(keeping hashes: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names {
            let hash = name.hasSuffix(".jsonl") ? String(name.dropLast(6)) : ""
            if !hashes.contains(hash) { try? FileManager.default.removeItem(atPath: directory + "/" + name) }
        }
    }
}
