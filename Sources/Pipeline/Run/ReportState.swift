import Foundation
import Publish

/// What the reports in the output folder were built from: the pipeline file, the program,
/// the key and every ingested file. When a night brings nothing new and the reports on disk
/// are still the ones written from this state, they are not rebuilt.
struct ReportState: Codable, Equatable {
    var token: String
    var outputs: [OutputFile]

    static func path(stateDirectory: String) -> String { stateDirectory + "/report-state.json" }

    static func token(pipelineHash: String, programVersion: String, keyID: String, output: String,
                      ingestedHashes: [String]) -> String {
        let text = ([pipelineHash, programVersion, keyID, output] + ingestedHashes.sorted()).joined(separator: "\n")
        return FileHash.sha256(data: Data(text.utf8))
    }

    static func load(stateDirectory: String) -> ReportState? {
        guard let data = FileManager.default.contents(atPath: path(stateDirectory: stateDirectory)) else { return nil }
        return try? JSONDecoder().decode(ReportState.self, from: data)
    }

    func save(stateDirectory: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(self) {
            try? data.write(to: URL(fileURLWithPath: Self.path(stateDirectory: stateDirectory)), options: .atomic)
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
