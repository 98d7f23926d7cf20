import Foundation
import Ingest
import SaksgangCore

/// One reading of an export file through `ExportReader` and a mapping: how many records
/// mapped, how many were rejected, and the error that failed the file.
public struct MappingReading {
    public var cases = 0
    public var rejected = 0
    public var error: SaksgangError.Code?

    /// Reads the file at `path` (its name decides the export time, as in production).
    public init(path: String, mapping: CompiledMapping) {
        var cases = 0
        var rejected = 0
        var digest = Hasher()
        error = FuzzInput.outcome {
            let report = try ExportReader(mapping: mapping).read(path: path) { result in
                switch result {
                case .success(let c):
                    cases += 1
                    digest.combine(c.body)
                    digest.combine(c.caseNumber.revealed)
                    digest.combine(c.warnings.count)
                    if c.caseNumber.revealed.isEmpty { FuzzInput.finding("a mapped case has an empty case number") }
                    if c.body.school.orgnr.utf8.count != 9 { FuzzInput.finding("a mapped case has a bad organisation number") }
                    for (a, b) in zip(c.body.events, c.body.events.dropFirst()) where b.time.isBefore(a.time) {
                        FuzzInput.finding("mapped events are not in time order")
                    }
                case .failure(let e):
                    rejected += 1
                    digest.combine(e.code)
                }
            }
            if report.records != cases + rejected { FuzzInput.finding("the file report miscounts its records") }
        }?.code
        _ = digest.finalize()
        self.cases = cases
        self.rejected = rejected
    }
}
