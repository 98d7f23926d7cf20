import Foundation
import Ingest
import SaksgangCore

/// Shared pieces of the fuzz harnesses: how an input is read by each reader, what counts as
/// an acceptable failure, and the checks that compare two readings of the same bytes.
///
/// Every harness reads its input twice: once in one large chunk and once through tiny,
/// input-dependent chunks and buffers. Both readings must agree, so that a bug at a buffer
/// edge shows up as a crash even when it produces no memory error.
public enum FuzzInput {
    /// Stops the fuzzer with a finding. The message names what disagreed, never input bytes.
    public static func finding(_ what: String) -> Never {
        fatalError("fuzz finding: \(what)")
    }

    /// Runs `body`; a `SaksgangError` is an acceptable outcome and is returned, any other
    /// error is a finding (readers promise to throw only `SaksgangError`).
    public static func outcome(_ body: () throws -> Void) -> SaksgangError? {
        do {
            try body()
            return nil
        } catch let error as SaksgangError {
            return error
        } catch {
            finding("a reader threw \(type(of: error)), not SaksgangError")
        }
    }

    /// A small chunk size derived from the input, so that the same input is always read the
    /// same way (reproducible findings) while different inputs meet different edges.
    public static func smallChunk(_ bytes: [UInt8], modulo: Int) -> Int {
        var h: UInt32 = 2_166_136_261
        for b in bytes.prefix(64) { h = (h ^ UInt32(b)) &* 16_777_619 }
        return 1 + Int(h % UInt32(modulo))
    }

    /// An environment variable of the fuzzing process.
    public static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name]
    }

    /// The repository root: `SAKSGANG_REPO`, else the current directory.
    public static var repository: String {
        ProcessInfo.processInfo.environment["SAKSGANG_REPO"] ?? FileManager.default.currentDirectoryPath
    }

    /// A committed mapping file, compiled; a broken mapping stops the harness at start.
    public static func mapping(_ name: String) -> CompiledMapping {
        let path = repository + "/Pipelines/mappings/\(name).yml"
        do { return try CompiledMapping(contentsOfFile: path) } catch {
            fatalError("cannot load \(path) (set SAKSGANG_REPO): \(error)")
        }
    }
}
