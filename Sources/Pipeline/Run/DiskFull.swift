import Foundation
import SaksgangCore

/// A full disk said as such. SQLite reports it as SQLITE_FULL (13) or, when the WAL index
/// cannot grow, as an I/O error; Foundation's writers lose the errno. So besides the codes,
/// the free space of the folders concerned is looked at: under 1 MiB free is a full disk.
enum DiskFull {
    static let nearlyFullBytes: UInt64 = 1 << 20

    static func error(path: String) -> SaksgangError {
        SaksgangError(.diskFull, "disk full: no space left on the device holding \(path); free space there and run again "
            + "(the store keeps every file committed so far, the previous reports are intact)", at: .init(file: path))
    }

    /// `e` as a disk-full error when it is one, otherwise `e` unchanged.
    static func explain(_ e: SaksgangError, paths: [String]) -> SaksgangError {
        if e.code == .diskFull || e.code == .configuration || e.code == .key || e.code == .lockHeld || e.code == .mapping { return e }
        if e.code == .store, let code = sqliteCode(e.message), code & 0xff == 13 {
            return error(path: paths.first ?? "")
        }
        for p in paths where isNearlyFull(p) { return error(path: p) }
        return e
    }

    /// The (extended) SQLite result code in a store error's message, "(SQLite code N)".
    static func sqliteCode(_ message: String) -> Int? {
        guard let r = message.range(of: "SQLite code ", options: .backwards) else { return nil }
        return Int(message[r.upperBound...].prefix { $0.isNumber })
    }

    static func isNearlyFull(_ path: String) -> Bool {
        var p = path
        var s = statvfs()
        while statvfs(p, &s) != 0 {
            let parent = (p as NSString).deletingLastPathComponent
            if parent == p || parent.isEmpty { return false }
            p = parent
        }
        return UInt64(s.f_bavail) * UInt64(s.f_frsize) < nearlyFullBytes
    }
}
