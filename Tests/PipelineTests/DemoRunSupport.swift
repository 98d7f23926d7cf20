import Foundation
import Logging
import Pipeline
import Pseudonymize
import SaksgangCore
import TestSupport
import XCTest

/// Runs the demo pipeline into temporary folders, as the README's first command does.
struct DemoRun {
    let root: URL
    var output: String { root.appendingPathComponent("out").path }
    var state: String { root.appendingPathComponent("state").path }
    var keyPath: String
    var input: String

    init(input: String = RepoPaths.fixtures.appendingPathComponent("demo").path, keyPath: String? = nil) throws {
        root = RepoPaths.temporaryDirectory("saksgang-run")
        self.input = input
        if let keyPath {
            self.keyPath = keyPath
        } else {
            self.keyPath = root.appendingPathComponent("demo.key").path
            try PseudonymKey.create(atPath: self.keyPath)
        }
    }

    @discardableResult
    func run(output: String? = nil, state: String? = nil, store: String? = nil, retentionDays: Int? = nil,
             logLevel: Logger.Level = .debug) throws -> NightlyRun.Outcome {
        var pipeline = try LoadedPipeline.load(
            path: RepoPaths.pipelines.appendingPathComponent("demo.yml").path,
            overrides: .init(input: input, output: output ?? self.output, state: state ?? self.state, key: keyPath, store: store))
        if let retentionDays { pipeline.retentionDays = retentionDays }
        let sink = LogSink(filePath: pipeline.stateDirectory + "/logs/saksgang.log", toStandardError: false)
        let logger = Logger(label: "test") { LogfmtLogHandler(label: $0, level: logLevel, sink: sink) }
        return try NightlyRun(pipeline: pipeline, logger: logger, programVersion: "test").run()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// tables.json rows.
    func rows(in dir: String? = nil) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: (dir ?? output) + "/tables.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(json["rows"] as? [[String: Any]])
    }

    /// The first row of a metric, statistic, grouping and group (in a unit, if given) that is
    /// not a comparison.
    static func row(_ rows: [[String: Any]], _ metric: String, _ statistic: String, _ grouping: String, _ group: String,
                    unit: String? = nil) -> [String: Any]? {
        rows.first { $0["metric"] as? String == metric && $0["statistic"] as? String == statistic
            && $0["grouping"] as? String == grouping && $0["group"] as? String == group && !($0["reference"] is String)
            && (unit == nil || $0["unit"] as? String == unit) }
    }

    /// Every file below a folder, recursively.
    static func files(under dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        return e.compactMap { $0 as? String }.map { dir + "/" + $0 }.filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue
        }
    }
}

/// The oracle values that Fixtures/make_demo.py computed with lifelines.
struct DemoOracle {
    let json: [String: Any]

    init() throws {
        let data = try Data(contentsOf: RepoPaths.fixtures.appendingPathComponent("oracle/demo_expected.json"))
        json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    var groups: [String: [String: Any]] { json["groups"] as? [String: [String: Any]] ?? [:] }
    var personalValues: [String] { json["personal_values"] as? [String] ?? [] }
}

/// R's medians of the demo durations (Fixtures/oracle/survival_r.json, "demo": written by
/// Fixtures/oracle/make_survival_oracle.R from Fixtures/oracle/demo_durations.csv, which
/// Fixtures/make_demo.py writes). R's convention – the midpoint where a curve is flat at
/// exactly 0.5 – is the one Saksgang publishes; lifelines' medians stay in demo_expected.json.
struct DemoSurvivalOracle {
    /// Keyed by group, then by the demo_expected.json metric key; values may be NSNull.
    let medians: [String: [String: [String: Any]]]

    init() throws {
        let data = try Data(contentsOf: RepoPaths.fixtures.appendingPathComponent("oracle/survival_r.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var medians: [String: [String: [String: Any]]] = [:]
        for item in try XCTUnwrap(json["demo"] as? [[String: Any]]) {
            let group = try XCTUnwrap(item["group"] as? String)
            let metric = try XCTUnwrap(item["metric"] as? String)
            medians[group, default: [:]][metric] = item
        }
        self.medians = medians
    }
}
