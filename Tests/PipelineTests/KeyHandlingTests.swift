import Foundation
import Logging
import Pipeline
import Pseudonymize
import SaksgangCore
import Store
import TestSupport
import XCTest

/// The key as the IT department meets it: refusals, forward lookup, rotation.
final class KeyHandlingTests: XCTestCase {
    func testRunRefusesAKeyReadableByOthersOrMissing() throws {
        let run = try DemoRun()
        defer { run.remove() }
        chmod(run.keyPath, 0o644)
        XCTAssertThrowsError(try run.run()) { XCTAssertEqual(($0 as? SaksgangError)?.code, .key) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: run.output + "/report.html"), "nothing is published")
        try FileManager.default.removeItem(atPath: run.keyPath)
        XCTAssertThrowsError(try run.run()) { XCTAssertEqual(($0 as? SaksgangError)?.code, .key) }
    }

    func testRunRefusesAShortKey() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try Data(String(repeating: "ab", count: 16).utf8).write(to: URL(fileURLWithPath: run.keyPath)) // 16 bytes
        chmod(run.keyPath, 0o600)
        XCTAssertThrowsError(try run.run()) { XCTAssertEqual(($0 as? SaksgangError)?.code, .key) }
    }

    /// The key holder computes the pseudonym of a case number from the fixtures and finds
    /// that case in the store.
    func testForwardLookupFindsTheStoredCase() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let store = try SQLiteStore(path: run.state + "/store.sqlite")
        var stored: [Pseudonym: Case] = [:]
        try store.forEachCase { stored[$0.id] = $0 }
        let lookup = ForwardLookup(key: try PseudonymKey(contentsOfFile: run.keyPath))
        // A case of the equivalence fixture is not in the demo; one of the demo's SMX files is.
        let xml = try String(contentsOfFile: RepoPaths.fixtures.appendingPathComponent("demo/smx_1103_20250620.xml").path,
                             encoding: .isoLatin1)
        let orgnr = try XCTUnwrap(xml.firstMatch(of: /orgnr="(\d{9})"/)?.1)
        let caseNumber = try XCTUnwrap(xml.firstMatch(of: /<Sak id="([^"]+)"/)?.1)
        let fnr = try XCTUnwrap(xml.firstMatch(of: /<Elev fnr="(\d{11})"/)?.1)
        let id = try lookup.pseudonym(of: Sensitive(String(caseNumber)), kind: .caseNumber, school: String(orgnr), source: nil)
        let found = try XCTUnwrap(stored[id], "the looked-up pseudonym names a stored case")
        XCTAssertEqual(found.school.orgnr, String(orgnr))
        let pupil = try lookup.pseudonym(of: Sensitive(String(fnr)), kind: .pupil, school: nil, source: nil)
        XCTAssertEqual(found.pupil.id, pupil)
        XCTAssertThrowsError(try lookup.pseudonym(of: Sensitive("12345678901"), kind: .pupil, school: nil, source: nil))
        XCTAssertThrowsError(try lookup.pseudonym(of: Sensitive("2025/0001"), kind: .caseNumber, school: nil, source: nil))
    }

    /// Rotation on a PostgreSQL store that cannot be reached stops before touching anything
    /// (the rotation itself: PostgresRunTests).
    func testRotationOfAnUnreachablePostgreSQLStoreChangesNothing() throws {
        let root = RepoPaths.temporaryDirectory("saksgang-rotate-pg")
        defer { try? FileManager.default.removeItem(at: root) }
        let state = root.appendingPathComponent("state").path
        let newKeyPath = root.appendingPathComponent("new.key").path
        try PseudonymKey.create(atPath: newKeyPath)
        let pipeline = try LoadedPipeline.load(path: RepoPaths.pipelines.appendingPathComponent("demo.yml").path,
                                               overrides: .init(state: state, store: "postgresql://saksgang@127.0.0.1:1/pooled"))
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        XCTAssertThrowsError(try KeyRotation(pipeline: pipeline, newKeyPath: newKeyPath, archive: nil, logger: logger,
                                             programVersion: "test").run()) { error in
            XCTAssertEqual((error as? SaksgangError)?.code, .store)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["new.key"], "no state folder made or moved")
    }

    func testRotationRebuildsUnderTheNewKeyAndRetiresTheOldState() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let before = try Data(contentsOf: URL(fileURLWithPath: run.output + "/tables.json"))
        let oldID = try PseudonymKey(contentsOfFile: run.keyPath).id
        var oldIDs = Set<Pseudonym>()
        try SQLiteStore(path: run.state + "/store.sqlite").forEachCase { oldIDs.insert($0.id) }

        let newKeyPath = run.root.appendingPathComponent("new.key").path
        let newKey = try PseudonymKey.create(atPath: newKeyPath)
        let pipeline = try LoadedPipeline.load(
            path: RepoPaths.pipelines.appendingPathComponent("demo.yml").path,
            overrides: .init(input: run.input, output: run.output, state: run.state, key: run.keyPath))
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let outcome = try KeyRotation(pipeline: pipeline, newKeyPath: newKeyPath, archive: nil, logger: logger,
                                      programVersion: "test").run()
        XCTAssertEqual(outcome.oldKeyID, oldID)
        XCTAssertEqual(outcome.newKeyID, newKey.id)
        XCTAssertEqual(outcome.rebuild.casesInStore, 88)
        let retired = try XCTUnwrap(outcome.retiredState)
        XCTAssertTrue(FileManager.default.fileExists(atPath: retired + "/store.sqlite"))

        let store = try SQLiteStore(path: run.state + "/store.sqlite")
        XCTAssertEqual(try store.recordedKeyID(), newKey.id)
        var newIDs = Set<Pseudonym>()
        try store.forEachCase { newIDs.insert($0.id) }
        XCTAssertEqual(newIDs.count, 88)
        XCTAssertTrue(newIDs.isDisjoint(with: oldIDs))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: run.output + "/tables.json")), before)

        // The nightly run with the old key is now refused; with the new key it runs.
        XCTAssertThrowsError(try run.run()) { XCTAssertEqual(($0 as? SaksgangError)?.code, .key) }
        XCTAssertEqual(try DemoRun(root: run.root, keyPath: newKeyPath, input: run.input).run().casesInStore, 88)
    }
}

/// Two runs on one state folder never interleave.
final class RunLockTests: XCTestCase {
    func testASecondRunStopsWithAClearMessage() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try FileManager.default.createDirectory(atPath: run.state, withIntermediateDirectories: true)
        var held: RunLock? = try RunLock(stateDirectory: run.state, wait: false)
        XCTAssertThrowsError(try run.run()) { error in
            XCTAssertEqual((error as? SaksgangError)?.code, .lockHeld)
            XCTAssertTrue("\(error)".contains("another saksgang run"))
        }
        XCTAssertNotNil(held)
        held = nil
        XCTAssertEqual(try run.run().casesInStore, 88, "runs once the lock is free")
    }
}
