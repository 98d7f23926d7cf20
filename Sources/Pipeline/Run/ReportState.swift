import Foundation
import Publish
import SaksgangCore
import Store

/// What the reports in the output folder were built from: the pipeline file, the program,
/// the key and every ingested file. When a night brings nothing new and the reports on disk
/// are still the ones written from this state, they are not rebuilt. Kept in the store
/// (`RunState.reportState`).
struct ReportState: Codable, Equatable {
    var token: String
    var outputs: [OutputFile]

    static func token(pipelineHash: String, programVersion: String, keyID: String, output: String,
                      ingestedHashes: [String]) -> String {
        let text = ([pipelineHash, programVersion, keyID, output] + ingestedHashes.sorted()).joined(separator: "\n")
        return FileHash.sha256(data: Data(text.utf8))
    }

    /// The state the store keeps; nil when none (or it cannot be decoded): the reports are rebuilt.
    static func load(from store: any CaseStore) throws(SaksgangError) -> ReportState? {
        guard let text = try store.runState(.reportState) else { return nil }
        return try? JSONDecoder().decode(ReportState.self, from: Data(text.utf8))
    }

    /// Keeps the state in the store. When it cannot be kept, the next run rebuilds the reports.
    func save(in store: any CaseStore) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(self) {
            try? store.setRunState(.reportState, to: String(decoding: data, as: UTF8.self))
        }
    }

    /// True when every output is on disk with the size and hash recorded.
    func outputsIntact(in directory: String) -> Bool {
        outputs.allSatisfy { out in
            let path = directory + "/" + out.name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  (attributes[.size] as? NSNumber)?.intValue == out.bytes else { return false }
            return (try? FileHash.sha256(path: path)) == out.sha256
        }
    }
}
