import Disclose
import Foundation
import Measure
import Publish
import SaksgangCore
import Store

/// `saksgang extract`: the research extract of everything in a pipeline's state store
/// (docs/extract.md). Stages left to right: the store's cases → measured as the report
/// measures them → k-anonymous (Disclose) → CSV, check and codebook (Publish). The key is
/// not needed: the store holds only pseudonyms.
public struct ResearchExtractRun {
    public let pipeline: LoadedPipeline

    public init(pipeline: LoadedPipeline) {
        self.pipeline = pipeline
    }

    /// What was written, for the command's one line and for tests.
    public struct Summary: Sendable {
        public var cases: Int
        public var rows: Int
        public var recordsSuppressed: Int
        public var equivalenceClasses: Int
        public var smallestClass: Int
        public var files: [String]
    }

    /// Reads the store under the run lock (so that a nightly run is never half-read), and
    /// writes `csvPath` with its check and codebook beside it.
    public func write(to csvPath: String, wait: Bool = false) throws(SaksgangError) -> Summary {
        let storePath = pipeline.stateDirectory + "/store.sqlite"
        guard FileManager.default.fileExists(atPath: storePath) else {
            throw SaksgangError(.configuration, "there is no state store in the state folder: run the pipeline first",
                                at: .init(file: pipeline.stateDirectory))
        }
        let directory = (csvPath as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw SaksgangError(.configuration, "the extract's folder does not exist", at: .init(file: directory))
        }
        let release: ResearchExtract.Release
        do {
            let lock = try RunLock(stateDirectory: pipeline.stateDirectory, wait: wait)
            defer { withExtendedLifetime(lock) {} }
            let store = try SQLiteStore(path: storePath)
            release = try Self.release(store: store, threshold: pipeline.threshold, clock: pipeline.clock)
        }
        let files = try ExtractWriter.write(release, to: csvPath)
        let r = release.report
        return Summary(cases: release.cases, rows: release.rows.count, recordsSuppressed: r.recordsSuppressed,
                       equivalenceClasses: r.equivalenceClasses, smallestClass: r.smallestClass, files: files.map(\.name))
    }

    /// The k-anonymous extract of every case in a store.
    package static func release(store: any CaseStore, threshold: Int, clock: ResponseClock) throws(SaksgangError) -> ResearchExtract.Release {
        var extract = ResearchExtract(k: threshold, clock: clock, asOf: try store.latestExports())
        do { try store.forEachCase { extract.add($0) } } catch let e as SaksgangError { throw e } catch {
            throw SaksgangError(.store, "the stored cases could not be read")
        }
        return extract.release()
    }
}
