import Disclose
import Foundation
import Publish
import SaksgangCore

/// `manifest.json`: Publish's `Manifest`, and the retention pass when the pipeline has one
/// (`retention`: the period, the cut-off date and how many cases it removed; a count from 1
/// to k−1 is written as null, like a file's counts, docs/disclosure.md "Files"). Written as
/// `ManifestWriter` writes: pretty-printed, keys sorted, so reruns give the same bytes.
struct RunManifest: Encodable {
    var manifest: Manifest
    var retention: CaseRetention.Record?

    enum CodingKeys: String, CodingKey {
        case retention
    }

    func encode(to encoder: any Encoder) throws {
        try manifest.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        guard let retention else { return }
        var published = c.nestedContainer(keyedBy: CaseRetention.Record.CodingKeys.self, forKey: .retention)
        try published.encode(retention.closedCasesDays, forKey: .closedCasesDays)
        try published.encode(retention.closedBefore, forKey: .closedBefore)
        let removed = FileCountDisclosure(threshold: manifest.threshold).publishes(retention.removedCases) ? retention.removedCases : nil
        try published.encode(removed, forKey: .removedCases)
    }

    func write(to directory: String) throws(SaksgangError) -> OutputFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data: Data
        do { data = try encoder.encode(self) } catch {
            throw SaksgangError(.ioError, "cannot encode the manifest", at: .init(file: ManifestWriter.fileName))
        }
        data.append(0x0a)
        let url = URL(fileURLWithPath: directory).appendingPathComponent(ManifestWriter.fileName)
        do { try data.write(to: url, options: .atomic) } catch {
            throw SaksgangError(.ioError, "cannot write output file", at: .init(file: url.path))
        }
        return OutputFile(name: ManifestWriter.fileName, sha256: FileHash.sha256(data: data), bytes: data.count)
    }
}
