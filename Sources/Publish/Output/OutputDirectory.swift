import Foundation
import SaksgangCore

/// A folder the publish stage writes into. Each file is written whole to a temporary name
/// and renamed, so a reader never sees half a file.
struct OutputDirectory {
    let path: String

    init(_ path: String) throws {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw SaksgangError(.ioError, "cannot create the output folder", at: .init(file: path))
        }
    }

    /// Writes `data` as `name` and returns its manifest entry.
    func write(_ data: Data, as name: String) throws -> OutputFile {
        let url = URL(fileURLWithPath: path).appendingPathComponent(name)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw SaksgangError(.ioError, "cannot write output file", at: .init(file: url.path))
        }
        return OutputFile(name: name, sha256: FileHash.sha256(data: data), bytes: data.count)
    }
}
