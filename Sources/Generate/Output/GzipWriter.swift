import CSaksgangZlib
import SaksgangCore

/// Compresses into a `FileSink` as gzip, optionally as several members (what `pigz` or
/// `cat a.gz b.gz` produce): finishing a member and resetting the stream starts the next.
/// zlib writes mtime 0 in the header, so output is byte-for-byte deterministic.
final class GzipWriter {
    private let sink: FileSink
    private let stream: UnsafeMutablePointer<z_stream>
    private var out: [UInt8]
    private var memberHasInput = false
    private(set) var members = 1

    init(sink: FileSink, level: Int32) throws(SaksgangError) {
        self.sink = sink
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        out = [UInt8](repeating: 0, count: 1 << 18)
        guard saksgang_deflate_init_gzip(stream, level) == Z_OK else {
            stream.deallocate()
            throw SaksgangError(.ioError, "cannot start gzip stream", at: .init(file: FileSink.fileName(sink.path)))
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    func write(_ bytes: [UInt8]) throws(SaksgangError) {
        guard !bytes.isEmpty else { return }
        memberHasInput = true
        // The input array stays alive and unmoved while zlib reads from it.
        let input = UnsafeMutablePointer<Bytef>.allocate(capacity: bytes.count)
        defer { input.deallocate() }
        input.initialize(from: bytes, count: bytes.count)
        stream.pointee.next_in = input
        stream.pointee.avail_in = uInt(bytes.count)
        while stream.pointee.avail_in > 0 {
            try run(flush: Z_NO_FLUSH)
        }
    }

    /// Ends the current member and starts a new one (only when the current one holds data).
    func startNewMember() throws(SaksgangError) {
        guard memberHasInput else { return }
        try finishMember()
        deflateReset(stream)
        memberHasInput = false
        members += 1
    }

    func close() throws(SaksgangError) {
        try finishMember()
        try sink.close()
    }

    private func finishMember() throws(SaksgangError) {
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        while try run(flush: Z_FINISH) != Z_STREAM_END {}
    }

    @discardableResult
    private func run(flush: Int32) throws(SaksgangError) -> Int32 {
        let status: Int32 = out.withUnsafeMutableBytes { buffer in
            stream.pointee.next_out = buffer.bindMemory(to: Bytef.self).baseAddress
            stream.pointee.avail_out = uInt(buffer.count)
            return deflate(stream, flush)
        }
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            throw SaksgangError(.ioError, "gzip compression failed", at: .init(file: FileSink.fileName(sink.path)))
        }
        let produced = out.count - Int(stream.pointee.avail_out)
        try sink.write(out, count: produced)
        return status
    }
}
