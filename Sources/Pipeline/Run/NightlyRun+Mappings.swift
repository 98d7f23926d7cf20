import Foundation
import Ingest
import Publish
import SaksgangCore
import Store

extension CompiledMapping {
    /// The identity of this mapping version: SHA-256 of its decoded spec, encoded with sorted
    /// keys. Comments and layout of the file do not change it; any change of meaning does.
    var identity: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return FileHash.sha256(data: (try? encoder.encode(spec)) ?? Data())
    }
}

extension NightlyRun {
    /// A reading is (file hash, mapping hash). When a mapping changed since it read files,
    /// everything it read is read again: its cases and file records are dropped in one
    /// transaction (`CaseStore.forgetReadings`), and its files in the input folder are then
    /// read as new, one transaction each. So a file or records quarantined, or cases mis-read
    /// (even under another case id), under a faulty mapping are recovered by the corrected
    /// one, and the store equals that of a fresh run. Every file it read must still be in the
    /// input folder: otherwise the run stops before changing anything (exit 4).
    ///
    /// Returns the identity of each mapping by name.
    func rereadChangedMappings(store: any CaseStore, names: [String], index: inout FileIndex) throws(SaksgangError) -> [String: String] {
        var identities: [String: String] = [:]
        for m in pipeline.mappings where identities[m.spec.name] == nil { identities[m.spec.name] = m.identity }
        for (format, hash) in identities.sorted(by: { $0.key < $1.key }) {
            try store.adoptMappingHash(hash, format: format)
        }
        let recorded = try store.ingestedFiles()
        let changed = Set(recorded.filter { f in identities[f.format].map { $0 != f.mappingHash } ?? false }.map(\.format))
        for format in changed.sorted() {
            let read = recorded.filter { $0.format == format }
            var present = Set<String>()
            for name in names where pipeline.mappings.first(where: { $0.matches(fileName: name) })?.spec.name == format {
                let path = pipeline.inputDirectory + "/" + name
                // A file that cannot be read counts as absent (it is quarantined when met).
                guard InputInspection.problem(path: path, name: name) == nil,
                      let hash = try? index.hash(of: path, name: name).0 else { continue }
                present.insert(hash)
            }
            let absent = read.filter { !present.contains($0.hash) }
            guard absent.isEmpty else {
                throw SaksgangError(.configuration, "the mapping '\(format)' changed since it read \(read.count) file(s), and "
                    + "\(absent.count) of them are no longer in the input folder (\(absent.prefix(3).map(\.name).joined(separator: ", "))"
                    + "\(absent.count > 3 ? ", ..." : "")). What a mapping read is read again when it changes: put those exports "
                    + "back (or run with --input on a folder that holds them all), or restore the earlier mapping",
                    at: .init(field: format))
            }
            try store.forgetReadings(format: format)
            logger.warning("the mapping changed: every file it read is read again",
                           metadata: ["mapping": "\(format)", "files": "\(read.count)"])
        }
        return identities
    }
}
