import Foundation
import Logging
import Pipeline
import Pseudonymize
import SaksgangCore
import Store
import TestSupport
import XCTest

/// A third vendor format added with a mapping file only: a flat timeline, one CSV row per
/// event, the rows of a case shuffled and spread over two nights' files. Its cases equal the
/// same cases read from the SMX export, wherever the timeline carries the fact.
final class TimelineFormatTests: XCTestCase {
    private func run(mapping: String, input: URL, root: URL, key: String) throws -> (NightlyRun.Outcome, [Pseudonym: Case]) {
        let pipelineFile = root.appendingPathComponent("pipeline-\(UUID().uuidString).yml")
        try """
        name: test
        input: "\(input.path)"
        output: "\(root.appendingPathComponent("out-\(mapping)").path)"
        state: "\(root.appendingPathComponent("state-\(mapping)").path)"
        key: "\(key)"
        mappings: ["\(RepoPaths.pipelines.appendingPathComponent(mapping).path)"]
        """.write(to: pipelineFile, atomically: true, encoding: .utf8)
        let pipeline = try LoadedPipeline.load(path: pipelineFile.path)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let outcome = try NightlyRun(pipeline: pipeline, logger: logger, programVersion: "test").run()
        var cases: [Pseudonym: Case] = [:]
        try SQLiteStore(path: pipeline.stateDirectory + "/store.sqlite").forEachCase { cases[$0.id] = $0 }
        return (outcome, cases)
    }

    /// What both formats carry.
    struct Facts: Equatable {
        var orgnr: String, lastChanged: Timestamp, knowledge: Timestamp?, pupil: Pseudonym?, identifiedBy: PupilIdentification
        var category: ImmigrantCategory?, closing: Closing?, firstContact: Timestamp?, firstMeeting: Timestamp?
        var plan: Timestamp?, investigation: Timestamp?, lastEvaluation: Timestamp?, contacts: Int?
        init(_ c: Case) {
            let m = c.milestones
            orgnr = c.school.orgnr; lastChanged = c.lastChanged; knowledge = c.knowledge
            identifiedBy = c.pupil.identifiedBy
            // A local id is scoped by the vendor (source) and school: the same pupil's local
            // id gives a different pseudonym in another vendor's export, by design.
            pupil = c.pupil.identifiedBy == .localId ? nil : c.pupil.id
            category = c.pupil.immigrantCategory; closing = c.closing; firstContact = m.firstHomeContact
            firstMeeting = m.firstMeeting; plan = m.activityPlan; investigation = m.investigation
            lastEvaluation = m.lastEvaluation; contacts = m.homeContactCount
        }
    }

    func testTimelineRowsMergeIntoTheSameCasesAsTheSnapshot() throws {
        let root = RepoPaths.temporaryDirectory("saksgang-timeline")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = root.appendingPathComponent("k.key").path
        try PseudonymKey.create(atPath: key)
        let smxInput = root.appendingPathComponent("smx")
        try FileManager.default.createDirectory(at: smxInput, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepoPaths.fixtures.appendingPathComponent("equivalence/smx_1804_20250620.xml"),
                                         to: smxInput.appendingPathComponent("smx_1804_20250620.xml"))

        let (timeline, fromTimeline) = try run(mapping: "mappings/examples/timeline.yml",
                                               input: RepoPaths.fixtures.appendingPathComponent("timeline"), root: root, key: key)
        let (_, fromSMX) = try run(mapping: "mappings/smx.yml", input: smxInput, root: root, key: key)

        XCTAssertTrue(timeline.allStored, "\(timeline.files)")
        XCTAssertEqual(timeline.files.map(\.status), [.ingested, .ingested])
        XCTAssertTrue(timeline.files.allSatisfy(\.reconciles), "\(timeline.files)")
        XCTAssertGreaterThan(timeline.files[1].updated, 0, "the second night's rows add to cases of the first")
        XCTAssertEqual(fromTimeline.count, 12)
        XCTAssertEqual(Set(fromTimeline.keys), Set(fromSMX.keys))
        for (id, c) in fromTimeline {
            XCTAssertEqual(Facts(c), Facts(try XCTUnwrap(fromSMX[id])), id.value)
        }
        XCTAssertTrue(fromTimeline.values.contains { $0.closing != nil })
        XCTAssertTrue(fromTimeline.values.contains { $0.events.count >= 3 })
    }
}
