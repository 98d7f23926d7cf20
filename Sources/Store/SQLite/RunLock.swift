import Foundation
import SaksgangCore

/// One run at a time per state directory: an exclusive `flock` on `saksgang.lock`. A second
/// run either waits or stops with a clear message; it never interleaves with the first.
/// The lock dies with the process, so a killed run leaves nothing to clean up.
public final class RunLock {
    private let fd: Int32

    public init(stateDirectory: String, wait: Bool) throws(SaksgangError) {
        let path = stateDirectory + "/saksgang.lock"
        fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw SaksgangError(.lockHeld, "cannot open the lock file in the state directory", at: .init(file: path))
        }
        if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            close(fd)
            throw SaksgangError(.lockHeld, "another saksgang run holds the lock on this state directory; try again when it has finished (or use --wait)",
                                at: .init(file: path))
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
