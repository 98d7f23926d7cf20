import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The `saksgang` executable built beside the test bundle, run as an operator would: to the
/// end, or killed (`kill -9`) after a while.
public struct SaksgangExecutable {
    public let url: URL

    /// Skips the test when the executable is not built beside the tests.
    public init() throws {
        url = Bundle.main.bundleURL.appendingPathComponent("saksgang")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("the saksgang executable is not built beside the tests (\(url.path))")
        }
    }

    /// Runs to the end with its output discarded; the exit code.
    public func run(_ arguments: [String]) throws -> Int32 {
        let p = try start(arguments)
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// Starts a run and kills it with SIGKILL after `seconds`, unless it ended first; true
    /// when it was killed.
    public func kill(_ arguments: [String], after seconds: TimeInterval) throws -> Bool {
        let p = try start(arguments)
        Thread.sleep(forTimeInterval: seconds)
        let killed = p.isRunning
        if killed { Foundation.kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        return killed
    }

    /// What `measure` saw of one run.
    public struct Measured {
        /// The exit code (128 + the signal when a signal ended it).
        public var status: Int32
        /// The child's own peak resident set size in bytes (see `measure`).
        public var peakResidentBytes: Int
        /// Wall-clock seconds from start to exit.
        public var seconds: Double
        /// What it wrote on standard error.
        public var standardError: String
    }

    /// Runs to the end, started with `posix_spawn` and reaped with `wait4`; standard output is
    /// discarded. The peak resident set size is the child's own. `ru_maxrss` alone is not: glibc's
    /// `posix_spawn` starts the child in the test process's memory (`CLONE_VM`), and at `exec` the
    /// kernel keeps that memory's high-water mark as the child's, so a child of a test process
    /// that once held 340 MB reports at least 340 MB. So the child's own mark (`VmHWM` of
    /// `/proc/PID/status`, its memory since `exec`) is read every 10 ms while it runs, and
    /// `ru_maxrss` is taken only where it is well above the test process's own mark at the
    /// spawn, where it can only be the child's. (`getrusage(RUSAGE_CHILDREN)` would give the largest
    /// of every child the test process ever had.)
    public func measure(_ arguments: [String]) throws -> Measured {
        #if os(Linux)
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("saksgang-stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: errorFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([url.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let ownMark = Self.highWaterKilobytes(process: "self")
        let started = Date()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, url.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw SpawnFailure(code: spawned) }
        var status: Int32 = 0
        var usage = rusage()
        var childMark = 0
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            guard reaped == 0 || errno == EINTR else { throw SpawnFailure(code: errno) }
            if let mark = Self.highWaterKilobytes(process: "\(pid)") { childMark = max(childMark, mark) }
            usleep(10_000)
        }
        let seconds = Date().timeIntervalSince(started)
        // The test process's mark grows a little between the reading and the spawn (the
        // arguments, the spawn's stack): above it by 16 MiB, `ru_maxrss` is the child's.
        let reported = Int(usage.ru_maxrss)
        let peakKilobytes = ownMark.map { reported > $0 + (16 << 10) } == true ? reported : childMark
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        let standardError = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Measured(status: code, peakResidentBytes: peakKilobytes * 1024, seconds: seconds,
                        standardError: standardError)
        #else
        throw XCTSkip("measuring a child's peak memory is implemented for Linux only")
        #endif
    }

    /// `VmHWM` of `/proc/PROCESS/status` in kB: the peak resident set size of the process's
    /// memory as it is now (since its last `exec`); nil once it has exited.
    static func highWaterKilobytes(process: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: \.isWhitespace).first ?? "")
    }

    public struct SpawnFailure: Error, CustomStringConvertible {
        public let code: Int32
        public var description: String { "cannot run the saksgang executable (errno \(code))" }
    }

    private func start(_ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }
}
