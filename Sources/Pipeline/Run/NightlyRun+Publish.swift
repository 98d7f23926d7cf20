import Disclose
import Foundation
import Measure
import Publish
import SaksgangCore
import Store

/// What the report needs beside the figures: the disclosed curves, the schools' names and the
/// internal follow-up list (written apart from the report, under `internal/`).
struct ReportExtras {
    var curves: [SurvivalCurve]
    var schools: SchoolDirectory
    var followUp: DeviationFollowUp
}

extension NightlyRun {
    /// Writes the reports, the quarantine file and the manifest. The reports are a function
    /// of the state store alone (every file ever ingested, every case), so a run that was
    /// killed and started again writes the same bytes as one that was not.
    ///
    /// Everything is written to a staging folder in the state directory and renamed into the
    /// output folder at the end (`PublishStaging`). The manifest describes each input the same
    /// way whether it was stored tonight or on an earlier night: a stored file is listed as
    /// ingested with the counts the store recorded when it was read.
    func publish(figures: [Figure], dataQuality: [Figure], extras: ReportExtras, outcomes: [FileOutcome],
                 quarantine data: Data, keyID: String, retention: CaseRetention.Record?, store: any CaseStore,
                 staging: PublishStaging, audit: AuditReport, asOf: LocalDate) throws(SaksgangError) -> [OutputFile] {
        let ingested = try store.ingestedFiles().sorted { $0.name < $1.name }
        var storedByHash: [String: IngestedFile] = [:]
        for f in ingested { storedByHash[f.hash] = f }
        // A file's counts are counts of cases of one school or municipality: published only
        // under the primary rule, all of a file's together (docs/disclosure.md, "Files").
        let fileRule = FileCountDisclosure(threshold: pipeline.threshold)
        var files = ingested.map {
            var file = FileSummary(name: $0.name, format: $0.format, records: $0.records, inserted: $0.inserted, updated: $0.updated,
                                   duplicates: $0.duplicates, quarantined: $0.quarantined)
            file.countsWithheld = !fileRule.publishes($0.counts)
            return file
        }
        for o in outcomes where o.status == .quarantined {
            var file = FileSummary(name: o.name, format: o.format ?? "", errorReason: o.reason)
            file.countsWithheld = !fileRule.publishes(o.counts)
            files.append(file)
        }
        let quarantineCount = files.contains(where: \.countsWithheld) ? nil
            : ingested.reduce(0) { $0 + $1.quarantined } + files.filter { $0.errorReason != nil }.count
        let language: ReportLanguage = pipeline.config.language == "en" ? .english : .bokmal
        var content = ReportContent(
            title: pipeline.config.name, language: language, asOf: asOf, threshold: pipeline.threshold,
            targets: TargetDescription.all(targets, language: language),
            figures: figures, files: files, quarantineCount: quarantineCount,
            dataQuality: dataQuality, missingSchoolCalendars: pipeline.schoolCalendars.missing.map(\.description),
            curves: extras.curves, schoolNames: extras.schools.names,
            schoolMunicipalities: extras.schools.municipalities)
        content.publication = pipeline.publishEvery
        content.audit = DisclosureAuditSummary(
            cellsChecked: audit.cellsChecked, cellsWithheld: audit.control?.cellsWithheld ?? audit.cellsChecked,
            narrowestWidth: audit.narrowest.flatMap { n in n.high.map { Double($0 - n.low) } }, passed: audit.passed)
        try staging.prepare()
        do {
            // The report's files on one side, the internal files and the audit on the other.
            let (report, beside) = ParallelWork.both({ Result { try ReportWriter.write(content, to: staging.path) } }, {
                Result { try writeBesideReport(followUp: extras.followUp, quarantine: data, audit: audit, staging: staging) }
            })
            var outputs = try report.get()
            outputs += try beside.get()
            let inputs = outcomes.filter { $0.status != .unmatched }.map { o in
                if o.status != .quarantined, let f = storedByHash[o.hash] {
                    var record = InputFileRecord(name: o.name, sha256: f.hash, bytes: f.bytes, format: f.format, status: .ingested,
                                                 records: f.records, inserted: f.inserted, updated: f.updated,
                                                 duplicates: f.duplicates, quarantined: f.quarantined)
                    record.mappingSHA256 = f.mappingHash.isEmpty ? o.mappingHash : f.mappingHash
                    record.countsWithheld = !fileRule.publishes(f.counts)
                    return record
                }
                var record = InputFileRecord(name: o.name, sha256: o.hash, bytes: o.bytes, format: o.format ?? "",
                                status: InputFileRecord.Status(rawValue: o.status.rawValue) ?? .skipped, reason: o.reason,
                                records: o.records, inserted: o.inserted, updated: o.updated, duplicates: o.duplicates,
                                quarantined: o.quarantined)
                record.mappingSHA256 = o.mappingHash
                record.countsWithheld = !fileRule.publishes(o.counts)
                return record
            }
            let manifest = Manifest(
                program: .init(name: "saksgang", version: programVersion),
                pipeline: .init(name: pipeline.config.name, sha256: pipeline.fileHash),
                keyID: keyID, threshold: pipeline.threshold, asOf: asOf, inputs: inputs, outputs: outputs,
                quarantineFile: FollowUpListWriter.quarantineName)
            let written = try RunManifest(manifest: manifest, retention: retention).write(to: staging.path)
            try staging.commit(outputs.map(\.name) + [written.name])
            // The quarantine file stood beside the report before it moved to `internal/`.
            try? FileManager.default.removeItem(atPath: pipeline.outputDirectory + "/quarantine.jsonl")
            return outputs
        } catch let e as SaksgangError {
            throw DiskFull.explain(e, paths: [staging.path, pipeline.outputDirectory])
        } catch {
            throw DiskFull.explain(SaksgangError(.ioError, "the reports could not be written", at: .init(file: pipeline.outputDirectory)),
                                   paths: [staging.path, pipeline.outputDirectory])
        }
    }

    /// The files beside the report: the internal follow-up list and quarantine file (under
    /// `internal/`) and `audit.json`.
    private func writeBesideReport(followUp: DeviationFollowUp, quarantine data: Data, audit: AuditReport,
                                   staging: PublishStaging) throws -> [OutputFile] {
        var outputs = try FollowUpListWriter.write(followUp, to: staging.path)
        try FileManager.default.createDirectory(atPath: pipeline.outputDirectory + "/" + FollowUpListWriter.folder,
                                                withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let quarantineURL = URL(fileURLWithPath: staging.path).appendingPathComponent(FollowUpListWriter.quarantineName)
        try data.write(to: quarantineURL, options: .atomic)
        outputs.append(OutputFile(name: FollowUpListWriter.quarantineName, sha256: FileHash.sha256(data: data), bytes: data.count))
        let auditData = try audit.encoded()
        try auditData.write(to: URL(fileURLWithPath: staging.path).appendingPathComponent("audit.json"), options: .atomic)
        outputs.append(OutputFile(name: "audit.json", sha256: FileHash.sha256(data: auditData), bytes: auditData.count))
        return outputs
    }
}
