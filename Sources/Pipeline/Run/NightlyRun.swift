import Foundation
import Ingest
import Logging
import Measure
import Disclose
import Pseudonymize
import Publish
import SaksgangCore
import Store

/// One run of a pipeline, the stages wired left to right:
/// list → read & map (Ingest) → pseudonymise → store (one transaction per file) →
/// measure (from the whole store) → disclosure control → publish.
public final class NightlyRun {
    public let pipeline: LoadedPipeline
    let logger: Logger
    let wait: Bool
    let programVersion: String

    public init(pipeline: LoadedPipeline, logger: Logger, wait: Bool = false, programVersion: String) {
        self.pipeline = pipeline
        self.logger = logger
        self.wait = wait
        self.programVersion = programVersion
    }

    public struct Outcome: Sendable {
        public var files: [FileOutcome]
        public var quarantinedRecords: Int
        public var quarantinedFiles: Int
        public var casesInStore: Int
        public var outputDirectory: String
        /// True when nothing was new: the reports were rebuilt from the store as they were.
        public var nothingNew: Bool
        public var allStored: Bool { quarantinedRecords == 0 && quarantinedFiles == 0 }
    }

    public func run() throws(SaksgangError) -> Outcome {
        let started = Date()
        let outcome = try runStages()
        MetricsFile.write(outcome, duration: Date().timeIntervalSince(started), pipeline: pipeline.config.name,
                          stateDirectory: pipeline.stateDirectory)
        return outcome
    }

    private func runStages() throws(SaksgangError) -> Outcome {
        let fm = FileManager.default
        do { try fm.createDirectory(atPath: pipeline.stateDirectory, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o700]) } catch {
            throw SaksgangError(.configuration, "cannot create the state directory", at: .init(file: pipeline.stateDirectory))
        }
        let lock = try RunLock(stateDirectory: pipeline.stateDirectory, wait: wait)
        defer { withExtendedLifetime(lock) {} }

        let key = try PseudonymKey.load(path: pipeline.keyPath)
        let store = try SQLiteStore(path: pipeline.stateDirectory + "/store.sqlite")
        if let recorded = try store.recordedKeyID() {
            guard recorded == key.id else {
                throw SaksgangError(.key, "the key (id \(key.id)) is not the key this state store was built with (id \(recorded)). "
                    + "A different key gives every pupil and case a different pseudonym: cases already stored would be counted twice "
                    + "and repeat cases would no longer link. Use the original key, or rebuild the store under the new key "
                    + "(see README, 'Changing the key').")
            }
        } else {
            try store.recordKeyID(key.id)
        }
        let pseudonymization = CasePseudonymization(pseudonymizer: Pseudonymizer(key: key))
        logger.info("run started", metadata: ["pipeline": "\(pipeline.config.name)", "key_id": "\(key.id)"])

        var quarantine = QuarantineLog()
        var outcomes: [FileOutcome] = []
        var index = FileIndex(stateDirectory: pipeline.stateDirectory)
        let names = try inputFiles()
        let identities = try rereadChangedMappings(store: store, names: names, index: &index)
        for name in names {
            let outcome = try ingest(name, store: store, pseudonymization: pseudonymization, quarantine: &quarantine, index: &index,
                                     identities: identities)
            outcomes.append(outcome)
        }
        index.save(keeping: Set(names))

        // Nothing new, and the reports on disk are the ones this state gives: leave them.
        let nothingNew = !outcomes.contains { $0.status == .ingested || $0.status == .quarantined }
        let token = ReportState.token(pipelineHash: pipeline.fileHash, programVersion: programVersion, keyID: key.id,
                                      output: pipeline.outputDirectory, ingestedHashes: try store.ingestedFiles().map(\.hash))
        if nothingNew, let previous = ReportState.load(stateDirectory: pipeline.stateDirectory), previous.token == token,
           previous.outputsIntact(in: pipeline.outputDirectory) {
            let cases = try store.caseCount()
            logger.info("run finished: no new files; the reports are current", metadata: ["files": "\(outcomes.count)", "cases": "\(cases)"])
            return Outcome(files: outcomes, quarantinedRecords: 0, quarantinedFiles: 0, casesInStore: cases,
                           outputDirectory: pipeline.outputDirectory, nothingNew: true)
        }

        // Measure from everything stored, not only tonight's files.
        var measurements = CaseMeasurements(groupings: Grouping.standard, targets: targets, clock: pipeline.clock,
                                            asOf: try store.latestExports())
        do { try store.forEachCase { measurements.add($0) } } catch let e as SaksgangError { throw e } catch {
            throw SaksgangError(.store, "the stored cases could not be read")
        }
        let disclosed = try DisclosureControl(threshold: pipeline.threshold).protect(
            measurements.figures(threshold: pipeline.threshold, correction: pipeline.correction),
            municipalityOfSchool: measurements.municipalityOfSchool)
        let published = disclosed.figures
        let figures = published.filter { !Metric.dataQuality.contains($0.metric) }
        let quality = published.filter { Metric.dataQuality.contains($0.metric) }

        let quarantinedFiles = outcomes.filter { $0.status == .quarantined }.count
        let quarantinedRecords = outcomes.reduce(0) { $0 + $1.quarantined }
        let outputs = try publish(figures: figures, dataQuality: quality, measurements: measurements, outcomes: outcomes, quarantine: quarantine,
                    keyID: key.id, store: store, audit: disclosed.audit)
        ReportState(token: token, outputs: outputs).save(stateDirectory: pipeline.stateDirectory)
        let outcome = Outcome(files: outcomes, quarantinedRecords: quarantinedRecords, quarantinedFiles: quarantinedFiles,
                              casesInStore: measurements.total, outputDirectory: pipeline.outputDirectory, nothingNew: nothingNew)
        logger.info(nothingNew ? "run finished: no new files, reports rebuilt from the store" : "run finished",
                    metadata: ["files": "\(outcomes.count)", "cases": "\(measurements.total)",
                               "quarantined_files": "\(quarantinedFiles)", "quarantined_records": "\(quarantinedRecords)"])
        return outcome
    }

    var targets: Targets { pipeline.config.targets?.targets ?? Targets() }

    /// The export folder's files in name order; files still being written (`*.part`) and
    /// hidden files are left alone.
    func inputFiles() throws(SaksgangError) -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: pipeline.inputDirectory) } catch {
            throw SaksgangError(.configuration, "cannot read the input folder", at: .init(file: pipeline.inputDirectory))
        }
        for name in names.sorted() where name.hasSuffix(".part") && !name.hasPrefix(".") {
            logger.info("still being written; left for the next run", metadata: ["file": "\(name)"])
        }
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".part") }.sorted().filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: pipeline.inputDirectory + "/" + $0, isDirectory: &isDir) && !isDir.boolValue
        }
    }

    private func ingest(_ name: String, store: SQLiteStore, pseudonymization: CasePseudonymization,
                        quarantine: inout QuarantineLog, index: inout FileIndex,
                        identities: [String: String]) throws(SaksgangError) -> FileOutcome {
        let path = pipeline.inputDirectory + "/" + name
        let (hash, bytes) = try index.hash(of: path, name: name)
        var outcome = FileOutcome(name: name, format: nil, hash: hash, bytes: bytes, status: .ingested)
        guard let mapping = pipeline.mappings.first(where: { $0.matches(fileName: name) }) else {
            outcome.status = .unmatched
            logger.warning("no mapping reads this file name; left alone", metadata: ["file": "\(name)"])
            return outcome
        }
        outcome.format = mapping.spec.name
        outcome.mappingHash = identities[mapping.spec.name]
        if try store.ingestedFile(hash: hash) != nil {
            outcome.status = .skipped
            logger.info("already ingested; skipped", metadata: ["file": "\(name)"])
            return outcome
        }
        try store.beginFile()
        var file = FileIngestion(outcome: outcome, mapping: mapping, store: store, pseudonymization: pseudonymization)
        do {
            let report = try ExportReader(mapping: mapping, limits: pipeline.limits).read(path: path) { try file.accept($0) }
            try file.storePieces()
            file.finish(records: report.records)
            for w in report.warnings {
                logger.warning("\(w.message)", metadata: ["file": "\(name)", "code": "\(w.code)"])
                file.note(fileWarning: w)
            }
            outcome = file.outcome
            try store.commitFile(IngestedFile(
                hash: hash, name: name, bytes: bytes, format: mapping.spec.name, records: outcome.records,
                inserted: outcome.inserted, updated: outcome.updated, duplicates: outcome.duplicates,
                quarantined: outcome.quarantined, ingestedAt: Timestamp(seconds: Int64(Date().timeIntervalSince1970)),
                mappingHash: outcome.mappingHash ?? ""))
            for e in file.quarantine.entries { quarantine.append(e) }
            if outcome.quarantined > 0 {
                logger.warning("records quarantined", metadata: ["file": "\(name)", "count": "\(outcome.quarantined)"])
            }
            logger.info("file ingested", metadata: [
                "file": "\(name)", "records": "\(outcome.records)", "inserted": "\(outcome.inserted)",
                "updated": "\(outcome.updated)", "duplicates": "\(outcome.duplicates)", "quarantined": "\(outcome.quarantined)"])
        } catch {
            store.rollbackFile()
            let e = (error as? SaksgangError) ?? SaksgangError(.ioError, "the file could not be read")
            if e.code == .store { throw e }
            outcome = FileOutcome(name: name, format: mapping.spec.name, hash: hash, bytes: bytes, status: .quarantined,
                                  reason: e.code.rawValue, mappingHash: identities[mapping.spec.name])
            quarantine.add(e.at(.init(file: name)), scope: "file", file: name)
            logger.error("file quarantined", metadata: ["file": "\(name)", "code": "\(e.code)", "where": "\(e.location.description)",
                                                        "problem": "\(e.message)"])
        }
        return outcome
    }

}

extension QuarantineLog {
    mutating func append(_ e: Entry) { entries.append(e) }
}
