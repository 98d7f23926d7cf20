import SaksgangCore

/// A stream of bytes from a file, possibly through decompression. Readers pull from it in
/// chunks so that no export is ever held whole in memory.
///
/// Conformers: `FileByteSource` (POSIX reads, with an observer for hashing),
/// `GzipByteSource` (zlib, multi-member, size-capped) and `MemoryByteSource` (tests, samples);
/// `ByteSources.open(path:limits:observer:)` picks file or gzip from the content.
public protocol ByteSource: AnyObject {
    /// Fills at most `buffer.count` bytes and returns how many; 0 means the end.
    /// Throws `SaksgangError` (truncated or corrupt gzip, too large, I/O).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SaksgangError) -> Int
    /// Bytes produced so far (decompressed bytes for a gzip source): the byte offset that
    /// errors report.
    var position: Int64 { get }
}
