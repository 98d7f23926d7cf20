import CSaksgangZlib
import Ingest

/// Compresses bytes into one gzip member through the shim's deflate helper, for tests that
/// need data too large to commit (the bomb) or members built on the fly.
enum GzipTestWriter {
    static func member(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            deflateEnd(stream)
            stream.deallocate()
        }
        precondition(saksgang_deflate_init_gzip(stream, level) == Z_OK)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(input.count))) + 64)
        let written = input.withUnsafeBufferPointer { source -> Int in
            output.withUnsafeMutableBufferPointer { target -> Int in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.pointee.avail_in = UInt32(source.count)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = UInt32(target.count)
                let status = deflate(stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "deflate status \(status)")
                return target.count - Int(stream.pointee.avail_out)
            }
        }
        return Array(output[0..<written])
    }

    /// Reads a source to the end with `chunk`-sized reads.
    static func drain(_ source: any ByteSource, chunk: Int = 64 * 1024) throws -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if n == 0 { return result }
            result.append(contentsOf: buffer[0..<n])
        }
    }
}
