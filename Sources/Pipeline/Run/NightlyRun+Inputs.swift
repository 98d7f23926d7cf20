import Foundation
import Ingest
import SaksgangCore

/// What is in the export folder before anything is read: only regular files are ever opened
/// for reading. A directory, a FIFO, a device, a socket, a symbolic link to one of those (or
/// to nothing) or a file the service account may not read is quarantined with its reason,
/// without blocking: the check uses `lstat`/`stat`, then opens with `O_NONBLOCK` and checks
/// the opened descriptor with `fstat`, so a FIFO never waits for a writer and a file swapped
/// for a device after the first check is still refused.
enum InputInspection {
    /// nil when `path` is a regular file that can be opened for reading; otherwise the error
    /// that quarantines it (naming the file and the problem, nothing of its content).
    static func problem(path: String, name: String) -> SaksgangError? {
        let here = SaksgangError.Location(file: name)
        var st = stat()
        guard lstat(path, &st) == 0 else {
            return SaksgangError(.unreadableFile, "the file cannot be examined (\(describe(errno)))", at: here)
        }
        if kind(st.st_mode) == S_IFLNK {
            guard stat(path, &st) == 0 else {
                return SaksgangError(.notRegularFile, "a symbolic link to nothing (\(describe(errno))); only regular files are read", at: here)
            }
            if let what = notRegular(st.st_mode) {
                return SaksgangError(.notRegularFile, "a symbolic link to \(what), not a regular file; only regular files are read", at: here)
            }
        } else if let what = notRegular(st.st_mode) {
            return SaksgangError(.notRegularFile, "\(what), not a regular file; only regular files are read", at: here)
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            let e = errno
            if e == EACCES || e == EPERM {
                return SaksgangError(.unreadableFile, "the file cannot be read by this user (permission denied); "
                    + "give the service account read access", at: here)
            }
            return SaksgangError(.unreadableFile, "the file cannot be opened (\(describe(e)))", at: here)
        }
        defer { close(fd) }
        guard fstat(fd, &st) == 0 else {
            return SaksgangError(.unreadableFile, "the file cannot be examined (\(describe(errno)))", at: here)
        }
        if let what = notRegular(st.st_mode) {
            return SaksgangError(.notRegularFile, "\(what), not a regular file; only regular files are read", at: here)
        }
        return nil
    }

    static func kind(_ mode: mode_t) -> mode_t { mode & S_IFMT }

    /// The words for a file type that is not a regular file, or nil for a regular file.
    static func notRegular(_ mode: mode_t) -> String? {
        switch kind(mode) {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// True when `path` is a directory (not following a symbolic link).
    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && kind(st.st_mode) == S_IFDIR
    }
}

extension NightlyRun {
    /// A file that was never read (not a regular file, or not readable): quarantined whole
    /// with its reason, and the night goes on.
    func quarantineUnread(_ name: String, mapping: CompiledMapping, error: SaksgangError, quarantine: inout QuarantineLog,
                          identities: [String: String]) -> FileOutcome {
        quarantine.add(error.at(.init(file: name)), scope: "file", file: name)
        logger.error("file quarantined", metadata: ["file": "\(name)", "code": "\(error.code)", "problem": "\(error.message)"])
        return FileOutcome(name: name, format: mapping.spec.name, hash: "", bytes: 0, status: .quarantined,
                           reason: error.code.rawValue, mappingHash: identities[mapping.spec.name])
    }
}
