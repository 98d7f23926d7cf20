import CSaksgangCrypto
import Foundation
import SaksgangCore

/// An output file written piece by piece: to a temporary name beside it, hashed as it goes,
/// and renamed into place when `finish` is called (so a reader never sees half a file, as
/// with `OutputDirectory.write`). For the files that grow with the cases (the follow-up
/// list), which would otherwise be held whole in memory as text and then as bytes.
final class OutputFileWriter {
    let name: String
    private let path: String
    private let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var context = saksgang_sha256_ctx()
    private var bytes = 0
    private static let bufferSize = 1 << 20

    /// Opens `name` (a path under `directory`, whose folders exist) for writing.
    init(_ directory: OutputDirectory, name: String) throws {
        self.name = name
        path = directory.path + "/" + name
        temporary = path + ".part-\(getpid())"
        unlink(temporary)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SaksgangError(.ioError, "cannot write output file", at: .init(file: path)) }
        saksgang_sha256_init(&context)
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    func append(_ data: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: data)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what is left, closes the file, renames it into place and returns its manifest entry.
    func finish() throws -> OutputFile {
        try flush()
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SaksgangError(.ioError, "cannot write output file", at: .init(file: path))
        }
        return OutputFile(name: name, sha256: FileHash.finish(&context), bytes: bytes)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { raw in
            saksgang_sha256_update(&context, raw.baseAddress, raw.count)
            var offset = 0
            while offset < raw.count {
                let n = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw SaksgangError(.ioError, "cannot write output file", at: .init(file: path)) }
                offset += n
            }
        }
        bytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
