#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SaksgangCore

/// A file being written under `<name>.part` and renamed to its name when complete, as
/// vendors deliver exports (exports.md §1: a file is complete when `.part` is gone).
final class FileSink {
    let path: String
    private var handle: UnsafeMutablePointer<FILE>?
    private(set) var bytesWritten: Int64 = 0

    init(path: String) throws(SaksgangError) {
        self.path = path
        guard let h = fopen(path + ".part", "wb") else {
            throw SaksgangError(.ioError, "cannot create output file", at: .init(file: Self.fileName(path)))
        }
        handle = h
    }

    func write(_ bytes: [UInt8]) throws(SaksgangError) {
        try write(bytes, count: bytes.count)
    }

    /// The first `count` bytes of `bytes`.
    func write(_ bytes: [UInt8], count: Int) throws(SaksgangError) {
        guard let handle, count > 0 else { return }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, count, handle) }
        if written != count {
            throw SaksgangError(.ioError, "write failed", at: .init(file: Self.fileName(path)))
        }
        bytesWritten += Int64(count)
    }

    /// Flushes, closes and gives the file its final name.
    func close() throws(SaksgangError) {
        guard let h = handle else { return }
        handle = nil
        if fclose(h) != 0 || rename(path + ".part", path) != 0 {
            throw SaksgangError(.ioError, "cannot complete output file", at: .init(file: Self.fileName(path)))
        }
    }

    deinit { if let handle { fclose(handle) } }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
