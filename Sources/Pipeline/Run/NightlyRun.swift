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
    /// How far the run got: a failure before `.storing` changed nothing (did not run); a
    /// failure later may have stored files but not published them.
    public internal(set) var phase: Phase = .checks
    /// Called after each input file (for a progress display).
    public var progress: (@Sendable (Progress) -> Void)?
    /// The exit code the caller will give a result, for the metrics file.
    public var exitCode: (@Sendable (RunResult) -> Int32)?
    /// The metrics file (default: the pipeline's `metrics`, else `<state>/saksgang.prom`).
    public var metricsPath: String?
    /// The files handled so far (for the metrics of a run that failed part-way).
    var filesSoFar: [FileOutcome] = []
    /// Opens the store instead of `pipeline.store.openForRun`: key rotation hands the run a
    /// PostgreSQL store in a schema of its own while it holds the run lock itself.
    var openStore: (() throws(SaksgangError) -> any CaseStore)?

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
        do {
            let outcome = try runStages()
            writeMetrics(result: outcome.allStored ? .allStored : .quarantined, files: outcome.files,
                         casesInStore: outcome.casesInStore, started: started)
            return outcome
        } catch {
            let e = DiskFull.explain(error, paths: [pipeline.stateDirectory, pipeline.outputDirectory])
            writeMetrics(result: phase == .checks ? .didNotRun : .notPublished, files: filesSoFar, casesInStore: nil, started: started)
            throw e
        }
    }

    /// The seconds since `clock`, to a tenth, for the log; `clock` moves to now.
    private static func seconds(since clock: inout Date) -> String {
        let now = Date()
        defer { clock = now }
        return String(format: "%.1f", now.timeIntervalSince(clock))
    }

    private func runStages() throws(SaksgangError) -> Outcome {
        let fm = FileManager.default
        do { try fm.createDirectory(atPath: pipeline.stateDirectory, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o700]) } catch {
            throw SaksgangError(.configuration, "cannot create the state directory", at: .init(file: pipeline.stateDirectory))
        }
        let key = try PseudonymKey.load(path: pipeline.keyPath)
        // Opening the store takes the run lock (held until the store is released).
        let store: any CaseStore
        if let openStore { store = try openStore() } else { store = try pipeline.store.openForRun(wait: wait) }
        let staging = PublishStaging(stateDirectory: pipeline.stateDirectory, outputDirectory: pipeline.outputDirectory)
        staging.cleanUp()
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
        logger.info("run started", metadata: ["pipeline": "\(pipeline.config.name)", "key_id": "\(key.id)",
                                              "store": "\(pipeline.store)"])

        var quarantine = QuarantineLog()
        var outcomes: [FileOutcome] = []
        var index = try FileIndex(store: store)
        let names = try inputFiles()
        let identities = try rereadChangedMappings(store: store, names: names, index: &index)
        phase = .storing
        var progressSoFar = Progress(filesDone: 0, filesTotal: names.count, records: 0, bytes: 0, started: Date())
        for name in names {
            let outcome = try ingest(name, store: store, pseudonymization: pseudonymization, quarantine: &quarantine, index: &index,
                                     identities: identities)
            outcomes.append(outcome)
            filesSoFar = outcomes
            progressSoFar.advance(by: outcome)
            progress?(progressSoFar)
        }
        index.save(directory: pipeline.inputDirectory, keeping: Set(names), in: store)
        phase = .publishing

        // Nothing new, and the reports on disk are the ones this state gives: leave them.
        let nothingNew = !outcomes.contains { $0.status == .ingested || $0.status == .quarantined }
        let token = ReportState.token(pipelineHash: pipeline.fileHash, programVersion: programVersion, keyID: key.id,
                                      output: pipeline.outputDirectory, ingestedHashes: try store.ingestedFiles().map(\.hash))
        if nothingNew, let previous = try ReportState.load(from: store), previous.token == token,
           previous.outputsIntact(in: pipeline.outputDirectory) {
            let cases = try store.caseCount()
            logger.info("run finished: no new files; the reports are current", metadata: ["files": "\(outcomes.count)", "cases": "\(cases)"])
            return Outcome(files: outcomes, quarantinedRecords: 0, quarantinedFiles: 0, casesInStore: cases,
                           outputDirectory: pipeline.outputDirectory, nothingNew: true)
        }

        // Measure from everything stored, not only tonight's files; cases past the retention
        // period are left out, then removed. What ingest's threads freed is handed back first.
        HeapRelease.trim()
        var clock = Date()
        let latestExports = try store.latestExports()
        var measurements = CaseMeasurements(groupings: Grouping.standard, targets: targets, clock: pipeline.clock,
                                            asOf: latestExports)
        var retention: CaseRetention?
        if let days = pipeline.retentionDays, let asOf = latestExports.values.max()?.localDate {
            retention = CaseRetention(days: days, asOf: asOf)
        }
        var expired: [CaseKey] = []
        var followUp = DeviationFollowUp(targets: targets, clock: pipeline.clock, asOf: measurements.asOf)
        var schools = SchoolDirectory()
        let scan = MeasuringScan(measurements)
        do {
            try store.forEachCase { c in
                if retention?.expires(c) == true { expired.append(CaseKey(c)); return }
                followUp.add(try scan.add(c))
                schools.add(c)
            }
            measurements = try scan.finish()
        } catch let e as SaksgangError {
            scan.abandon()
            throw e
        } catch {
            scan.abandon()
            throw SaksgangError(.store, "the stored cases could not be read")
        }
        logger.info("stored cases measured", metadata: ["cases": "\(measurements.total)", "seconds": "\(Self.seconds(since: &clock))"])
        let retained = try retention?.remove(expired, from: store)
        if let retained, !expired.isEmpty {
            logger.notice("closed cases past the retention period removed from the store",
                          metadata: ["removed": "\(expired.count)", "closed_before": "\(retained.closedBefore)"])
        }
        // The last publication is published again when nothing it counts has changed, or
        // when tonight's export is later but within its period; otherwise tonight's figures
        // are controlled together with it (docs/disclosure.md, "Across nights"). A change on
        // the same day (a correction, a file read again) renews at once.
        let asOf = measurements.asOf.values.max()?.localDate ?? LocalDate(daysSinceEpoch: 0)
        clock = Date()
        let measured = measurements.figures(threshold: pipeline.threshold, correction: pipeline.correction)
        logger.info("figures worked out", metadata: ["figures": "\(measured.count)", "seconds": "\(Self.seconds(since: &clock))"])
        let previous = try PublicationRecord.load(from: store)
            .flatMap { $0.threshold == pipeline.threshold ? $0 : nil }
        let record: PreviousPublication
        let truth = DisclosureControl.truth(of: measured, municipalityOfSchool: measurements.municipalityOfSchool)
        if let previous, let day = previous.asOfDate,
           (day != asOf && pipeline.publishEvery.same(day, asOf)) || previous.truth == truth {
            record = previous
            logger.info("the figures of the last publication are published again", metadata: ["as_of": "\(previous.asOf)"])
        } else {
            let disclosed = try DisclosureControl(threshold: pipeline.threshold, wholeProgram: pipeline.wholeProgram).protect(
                measured, municipalityOfSchool: measurements.municipalityOfSchool, previous: previous)
            logger.info("disclosure control done", metadata: [
                "cells": "\(disclosed.audit.control?.cells ?? 0)", "cells_withheld": "\(disclosed.audit.control?.cellsWithheld ?? 0)",
                "rounds": "\(disclosed.audit.control?.rounds ?? 0)", "seconds": "\(String(format: "%.1f", disclosed.seconds))"])
            record = PreviousPublication(asOf: asOf.description, threshold: pipeline.threshold, figures: disclosed.figures,
                                         truth: disclosed.truth, audit: disclosed.audit)
        }
        let published = record.figures
        let figures = published.filter { !Metric.dataQuality.contains($0.metric) }
        let quality = published.filter { Metric.dataQuality.contains($0.metric) }
        // Curves are drawn from tonight's cases: only when those are the cases the figures
        // describe (a night within the period that publishes older figures draws none).
        let curves = record.truth == truth
            ? CurveDisclosure(threshold: pipeline.threshold).apply(measurements.survivalCurves(), figures: published) : []
        // What publishing needs of the measurements is taken; their per-group tables (the
        // larger part of the run's memory) are let go before the reports are written.
        let casesMeasured = measurements.total
        _ = consume measurements
        HeapRelease.trim()

        let quarantinedFiles = outcomes.filter { $0.status == .quarantined }.count
        let quarantinedRecords = outcomes.reduce(0) { $0 + $1.quarantined }
        let outputs = try publish(figures: figures, dataQuality: quality,
                                  extras: ReportExtras(curves: curves, schools: schools, followUp: followUp), outcomes: outcomes,
                                  quarantine: try quarantineFile(outcomes: outcomes, tonight: quarantine, store: store),
                                  keyID: key.id, retention: retained, store: store, staging: staging, audit: record.audit,
                                  asOf: record.asOfDate ?? asOf)
        try PublicationRecord.save(record, in: store)
        ReportState(token: token, outputs: outputs).save(in: store)
        let outcome = Outcome(files: outcomes, quarantinedRecords: quarantinedRecords, quarantinedFiles: quarantinedFiles,
                              casesInStore: casesMeasured, outputDirectory: pipeline.outputDirectory, nothingNew: nothingNew)
        logger.info(nothingNew ? "run finished: no new files, reports rebuilt from the store" : "run finished",
                    metadata: ["files": "\(outcomes.count)", "cases": "\(casesMeasured)",
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
        // A directory that no mapping reads is left alone; one named like an export is
        // quarantined by `ingest` (as are FIFOs, devices and links to them).
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".part") }.sorted().filter { name in
            !InputInspection.isDirectory(pipeline.inputDirectory + "/" + name)
                || pipeline.mappings.contains { $0.matches(fileName: name) }
        }
    }

    private func ingest(_ name: String, store: any CaseStore, pseudonymization: CasePseudonymization,
                        quarantine: inout QuarantineLog, index: inout FileIndex,
                        identities: [String: String]) throws(SaksgangError) -> FileOutcome {
        let path = pipeline.inputDirectory + "/" + name
        guard let mapping = pipeline.mappings.first(where: { $0.matches(fileName: name) }) else {
            logger.warning("no mapping reads this file name; left alone", metadata: ["file": "\(name)"])
            return FileOutcome(name: name, format: nil, hash: "", bytes: 0, status: .unmatched)
        }
        // Only a regular file that can be opened is read; anything else is set aside whole.
        let hash: String, bytes: Int64
        do throws(SaksgangError) {
            if let problem = InputInspection.problem(path: path, name: name) { throw problem }
            (hash, bytes) = try index.hash(of: path, name: name)
        } catch {
            return quarantineUnread(name, mapping: mapping, error: error, quarantine: &quarantine, identities: identities)
        }
        var outcome = FileOutcome(name: name, format: nil, hash: hash, bytes: bytes, status: .ingested)
        outcome.format = mapping.spec.name
        outcome.mappingHash = identities[mapping.spec.name]
        if try store.ingestedFile(hash: hash) != nil {
            outcome.status = .skipped
            logger.info("already ingested; skipped", metadata: ["file": "\(name)"])
            return outcome
        }
        try store.beginFile()
        var file = FileIngestion(outcome: outcome, mapping: mapping, store: store, pseudonymization: pseudonymization,
                                 quarantineCap: pipeline.quarantineCap)
        do {
            let report = try ExportReader(mapping: mapping, limits: pipeline.limits).read(path: path) { try file.accept($0) }
            try file.storePieces()
            file.finish(records: report.records)
            for w in report.warnings {
                logger.warning("\(w.message)", metadata: ["file": "\(name)", "code": "\(w.code)"])
                file.note(fileWarning: w)
            }
            outcome = file.outcome
            // The file's quarantine entries go to the state folder before its transaction
            // commits: a rerun after a kill lists them as an uninterrupted run does.
            file.summarizeQuarantine()
            do { try QuarantineArchive(stateDirectory: pipeline.stateDirectory).save(file.quarantine.encoded(), hash: hash) } catch {
                throw DiskFull.explain(SaksgangError(.store, "cannot keep the file's quarantine entries in the state folder",
                                                     at: .init(file: pipeline.stateDirectory + "/quarantine")),
                                       paths: [pipeline.stateDirectory])
            }
            try store.commitFile(IngestedFile(
                hash: hash, name: name, bytes: bytes, format: mapping.spec.name, records: outcome.records,
                inserted: outcome.inserted, updated: outcome.updated, duplicates: outcome.duplicates,
                quarantined: outcome.quarantined, ingestedAt: Timestamp(seconds: Int64(Date().timeIntervalSince1970)),
                mappingHash: outcome.mappingHash ?? ""))
            if outcome.quarantined > 0 {
                logger.warning("records quarantined", metadata: ["file": "\(name)", "count": "\(outcome.quarantined)"])
            }
            logger.info("file ingested", metadata: [
                "file": "\(name)", "records": "\(outcome.records)", "inserted": "\(outcome.inserted)",
                "updated": "\(outcome.updated)", "duplicates": "\(outcome.duplicates)", "quarantined": "\(outcome.quarantined)"])
        } catch {
            store.rollbackFile()
            let e = (error as? SaksgangError) ?? SaksgangError(.ioError, "the file could not be read")
            if e.code == .store || e.code == .diskFull { throw e }
            outcome = FileOutcome(name: name, format: mapping.spec.name, hash: hash, bytes: bytes, status: .quarantined,
                                  reason: e.code.rawValue, mappingHash: identities[mapping.spec.name])
            quarantine.add(e.at(.init(file: name)), scope: "file", file: name)
            logger.error("file quarantined", metadata: ["file": "\(name)", "code": "\(e.code)", "where": "\(e.location.description)",
                                                        "problem": "\(e.message)"])
        }
        return outcome
    }

}
