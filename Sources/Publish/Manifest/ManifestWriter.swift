import Foundation
import SaksgangCore

/// Writes `manifest.json`: pretty-printed, keys sorted, so two runs over the same inputs
/// give the same bytes and a diff between nights reads line by line.
public enum ManifestWriter {
    public static let fileName = "manifest.json"

    public static func write(_ manifest: Manifest, to directory: String) throws -> OutputFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data: Data
        do {
            data = try encoder.encode(manifest)
        } catch {
            throw SaksgangError(.ioError, "cannot encode the manifest", at: .init(file: fileName))
        }
        data.append(0x0a)
        return try OutputDirectory(directory).write(data, as: fileName)
    }
}
