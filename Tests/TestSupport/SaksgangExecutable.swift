import Foundation
import XCTest

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
