import CSaksgangCrypto
import Foundation
import SaksgangCore

/// SHA-256 of files and bytes, lower-case hex, for the run manifest (operations.md
/// "Reproducible"). Files are read in 1 MiB pieces, so a large export costs no more memory.
public enum FileHash {
    static let bufferSize = 1 << 20

    /// The SHA-256 of the file at `path`, streamed.
    public static func sha256(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SaksgangError(.ioError, "cannot open file for hashing", at: .init(file: path))
        }
        defer { try? handle.close() }
        var context = saksgang_sha256_ctx()
        saksgang_sha256_init(&context)
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: bufferSize)
            } catch {
                throw SaksgangError(.ioError, "cannot read file for hashing", at: .init(file: path))
            }
            guard let chunk, !chunk.isEmpty else { break }
            chunk.withUnsafeBytes { saksgang_sha256_update(&context, $0.baseAddress, $0.count) }
        }
        return finish(&context)
    }

    /// The SHA-256 of bytes in memory.
    public static func sha256(data: Data) -> String {
        var context = saksgang_sha256_ctx()
        saksgang_sha256_init(&context)
        data.withUnsafeBytes { saksgang_sha256_update(&context, $0.baseAddress, $0.count) }
        return finish(&context)
    }

    /// The digest of a running context, as lower-case hex.
    static func finish(_ context: inout saksgang_sha256_ctx) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        digest.withUnsafeMutableBufferPointer { saksgang_sha256_final(&context, $0.baseAddress) }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
