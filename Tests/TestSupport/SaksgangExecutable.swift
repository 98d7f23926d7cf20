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
        /// The child's peak resident set size in bytes (`ru_maxrss` of this child alone).
        public var peakResidentBytes: Int
        /// Wall-clock seconds from start to exit.
        public var seconds: Double
        /// What it wrote on standard error.
        public var standardError: String
    }

    /// Runs to the end, started with `posix_spawn` and reaped with `wait4`, so that the peak
    /// resident set size is this child's own (`getrusage(RUSAGE_CHILDREN)` would give the
    /// largest of every child the test process ever had). Standard output is discarded.
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
        let started = Date()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, url.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw SpawnFailure(code: spawned) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw SpawnFailure(code: errno) }
        }
        let seconds = Date().timeIntervalSince(started)
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        let standardError = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Measured(status: code, peakResidentBytes: Int(usage.ru_maxrss) * 1024, seconds: seconds,
                        standardError: standardError)
        #else
        throw XCTSkip("measuring a child's peak memory is implemented for Linux only")
        #endif
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
