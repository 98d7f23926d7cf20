import Foundation
import Generate
import TestSupport

/// Runs of the generator shared by the tests (each made once per test process).
struct GeneratedRun: Sendable {
    let directory: URL
    let summary: GenerationSummary

    /// 2000 cases with the default effects, a raised fault share and both formats.
    static let standard = GeneratedRun.make(cases: 2000, seed: 20_250_620, faultShare: 0.02)
    /// 2000 cases with the null effects.
    static let null = GeneratedRun.make(cases: 2000, seed: 20_250_620, effectsFile: "null.json")

    static func make(cases: Int, seed: UInt64, faultShare: Double = 0.01, effectsFile: String? = nil,
                     formats: Set<ExportFormat> = [.smx, .smc], into directory: URL? = nil) -> GeneratedRun {
        let dir = directory ?? RepoPaths.temporaryDirectory("saksgang-gen")
        if directory == nil { SharedRunCleanup.register(dir) }
        var options = GeneratorOptions(cases: cases, seed: seed, outputDirectory: dir, formats: formats,
                                       faultShare: faultShare)
        if let effectsFile {
            options.effects = try! Effects.load(from: RepoPaths.fixtures.appendingPathComponent("effects/\(effectsFile)"))
        }
        let summary = try! ExportGenerator(options: options).run()
        return GeneratedRun(directory: dir, summary: summary)
    }

    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// truth.json, parsed.
    func truth() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url("truth.json"))) as! [String: Any]
    }

    func truthCases() throws -> [[String: Any]] { try truth()["cases"] as! [[String: Any]] }

    /// Names of export files by format.
    func files(_ prefix: String) -> [String] {
        summary.files.map(\.name).filter { $0.hasPrefix(prefix) }.sorted()
    }
}

/// Removes the shared runs' directories when the test process exits.
enum SharedRunCleanup {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var directories: [URL] = []
    nonisolated(unsafe) private static var registered = false

    static func register(_ url: URL) {
        lock.lock(); defer { lock.unlock() }
        directories.append(url)
        if !registered {
            registered = true
            atexit { SharedRunCleanup.removeAll() }
        }
    }

    static func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for d in directories { try? FileManager.default.removeItem(at: d) }
    }
}
