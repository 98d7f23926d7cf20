import CSaksgangZlib
import Foundation

/// A test-only gzip reader over zlib's inflate, independent of the generator's writer: reads
/// every member of a multi-member file and counts the members.
enum Gunzip {
    struct Failure: Error {}

    static func decompress(_ data: Data) throws -> (bytes: Data, members: Int) {
        var out = Data()
        var members = 0
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard saksgang_inflate_init_gzip(stream) == Z_OK else { throw Failure() }
        defer { inflateEnd(stream) }
        let input = [UInt8](data)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        try input.withUnsafeBufferPointer { inBuf in
            var offset = 0
            while offset < input.count {
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + offset)
                stream.pointee.avail_in = uInt(input.count - offset)
                var status: Int32 = Z_OK
                repeat {
                    status = chunk.withUnsafeMutableBufferPointer { outBuf in
                        stream.pointee.next_out = outBuf.baseAddress
                        stream.pointee.avail_out = uInt(outBuf.count)
                        return inflate(stream, Z_NO_FLUSH)
                    }
                    out.append(contentsOf: chunk[0..<(chunk.count - Int(stream.pointee.avail_out))])
                    guard status == Z_OK || status == Z_STREAM_END else { throw Failure() }
                } while status != Z_STREAM_END && (stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0)
                guard status == Z_STREAM_END else { throw Failure() }  // truncated
                members += 1
                offset = input.count - Int(stream.pointee.avail_in)
                inflateReset(stream)
            }
        }
        return (out, members)
    }

    /// The file's bytes, decompressed when its name ends in `.gz`.
    static func contents(of url: URL) throws -> (bytes: Data, members: Int) {
        let data = try Data(contentsOf: url)
        return url.pathExtension == "gz" ? try decompress(data) : (data, 0)
    }
}
