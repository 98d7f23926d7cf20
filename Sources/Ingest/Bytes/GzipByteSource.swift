import CSaksgangZlib
import SaksgangCore

/// Decompresses a gzip stream from another byte source through zlib's `inflate`.
///
/// - Multi-member files (`cat a.gz b.gz`, pigz) are decoded member after member: after
///   `Z_STREAM_END`, if more input follows, the stream is reset and the next member read.
/// - Zero bytes after the last member (padding some tape and block tools add) are tolerated,
///   as `gzip -d` does; any non-zero byte after that padding is `.gzipCorrupt`. Other bytes
///   after a member are read as the next member's header, so trailing garbage is
///   `.gzipCorrupt` (bad header) or `.gzipTruncated` (too short to be a header).
/// - Input ending before a member's `Z_STREAM_END` is `.gzipTruncated`, never a quiet EOF;
///   a corrupt block or a bad CRC or length trailer is `.gzipCorrupt`; exceeding
///   `DecompressionLimits` is `.gzipTooLarge`. These errors carry the compressed byte offset.
///
/// `position` counts decompressed bytes.
public final class GzipByteSource: ByteSource {
    /// Size of the compressed input buffer.
    public static let inputChunkSize = 256 * 1024

    public let limits: DecompressionLimits
    /// Decompressed bytes produced so far.
    public private(set) var position: Int64 = 0
    /// Compressed bytes consumed by inflate so far, all members together.
    public private(set) var compressedPosition: Int64 = 0
    /// Members fully decoded so far.
    public private(set) var membersRead = 0

    private let inner: any ByteSource
    private let fileName: String?
    /// Allocated, not a stored struct: zlib keeps a pointer back to the z_stream in its
    /// internal state, so the stream must never move in memory.
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var innerAtEnd = false
    private var memberEnded = false
    private var finished = false
    /// The first error, thrown again on every later read.
    private var failed: SaksgangError?

    /// Wraps `source`. `fileName`, if given, goes into error locations.
    public init(source: any ByteSource, limits: DecompressionLimits = .standard,
                fileName: String? = nil) throws(SaksgangError) {
        self.inner = source
        self.limits = limits
        self.fileName = fileName
        // Set up zlib before the last stored property: a throw from here on must not run
        // deinit, which would free the stream twice.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = saksgang_inflate_init_gzip(stream)
        guard status == Z_OK else {
            stream.deallocate()
            throw SaksgangError(.ioError, "zlib could not be initialised (status \(status))",
                                at: .init(file: fileName))
        }
        self.stream = stream
        input = .allocate(byteCount: GzipByteSource.inputChunkSize, alignment: 16)
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SaksgangError) -> Int {
        if let failed { throw failed }
        guard let base = buffer.baseAddress, buffer.count > 0, !finished else { return 0 }
        let capacity = UInt32(clamping: buffer.count)
        stream.pointee.next_out = base.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = capacity
        var produced = 0
        while produced == 0 {
            if memberEnded {
                guard try refillIfEmpty() else { finished = true; break }
                if stream.pointee.next_in.pointee == 0 {
                    try consumeZeroPadding()
                    finished = true
                    break
                }
                // More input after a member: it must be the next member.
                inflateReset(stream)
                memberEnded = false
            }
            _ = try refillIfEmpty()
            let availableBefore = stream.pointee.avail_in
            let status = inflate(stream, Z_NO_FLUSH)
            compressedPosition += Int64(availableBefore - stream.pointee.avail_in)
            produced = Int(capacity - stream.pointee.avail_out)
            switch status {
            case Z_OK:
                break
            case Z_STREAM_END:
                memberEnded = true
                membersRead += 1
            case Z_BUF_ERROR:
                // No progress possible: fatal only if the input is exhausted for good.
                if stream.pointee.avail_in == 0 && innerAtEnd {
                    throw failure(.gzipTruncated,
                                  "gzip data ends inside member \(membersRead + 1) at compressed byte offset \(compressedPosition)")
                }
            case Z_DATA_ERROR, Z_NEED_DICT:
                throw failure(.gzipCorrupt,
                              "gzip member \(membersRead + 1) is corrupt near compressed byte offset \(compressedPosition) (\(zlibMessage))")
            case Z_MEM_ERROR:
                throw failure(.ioError, "zlib ran out of memory")
            default:
                throw failure(.gzipCorrupt, "zlib failed with status \(status)")
            }
            try checkLimits(total: position + Int64(produced))
        }
        position += Int64(produced)
        return produced
    }

    /// Refills the compressed buffer when inflate has consumed it. Returns false at the end.
    private func refillIfEmpty() throws(SaksgangError) -> Bool {
        if stream.pointee.avail_in > 0 { return true }
        if innerAtEnd { return false }
        let n = try inner.read(into: input)
        if n == 0 {
            innerAtEnd = true
            return false
        }
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(n)
        return true
    }

    /// Reads to the end, requiring every remaining byte to be zero.
    private func consumeZeroPadding() throws(SaksgangError) {
        while try refillIfEmpty() {
            let count = Int(stream.pointee.avail_in)
            let bytes = UnsafeBufferPointer(start: stream.pointee.next_in, count: count)
            if let bad = bytes.firstIndex(where: { $0 != 0 }) {
                compressedPosition += Int64(bad)
                throw failure(.gzipCorrupt,
                              "non-zero byte after the zero padding that follows the last gzip member, at compressed byte offset \(compressedPosition)")
            }
            compressedPosition += Int64(count)
            stream.pointee.next_in += count
            stream.pointee.avail_in = 0
        }
    }

    private func checkLimits(total: Int64) throws(SaksgangError) {
        if total > limits.maxOutputBytes {
            throw failure(.gzipTooLarge,
                          "decompressed size exceeds the limit of \(limits.maxOutputBytes) bytes")
        }
        if total > DecompressionLimits.ratioGrace
            && total / max(compressedPosition, 1) > Int64(limits.maxRatio) {
            throw failure(.gzipTooLarge,
                          "compression ratio exceeds \(limits.maxRatio):1 (\(total) bytes from \(compressedPosition))")
        }
    }

    private var zlibMessage: String {
        guard let text = stream.pointee.msg else { return "no detail" }
        return String(cString: text)
    }

    private func failure(_ code: SaksgangError.Code, _ message: String) -> SaksgangError {
        let error = SaksgangError(code, message, at: .init(file: fileName, byteOffset: compressedPosition))
        failed = error
        return error
    }
}
