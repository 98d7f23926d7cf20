#if canImport(Glibc)
import Glibc
private let posixRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let posixRead = Darwin.read
#endif
import SaksgangCore

/// Reads a file with POSIX `open`/`read` in large chunks, so that an export is streamed
/// and never held whole in memory.
///
/// An optional observer sees every raw chunk as it comes off the disk: the pipeline hashes
/// a file while it is being read instead of reading it twice. Errors are `.ioError` and name
/// the file (a file name is not personal; see privacy.md).
public final class FileByteSource: ByteSource {
    /// Size of one `read(2)` when the caller's buffer is smaller than this.
    public static let chunkSize = 256 * 1024

    /// The path as given; used in error messages.
    public let path: String
    /// Bytes handed to the caller so far.
    public private(set) var position: Int64 = 0
    /// Bytes read from disk so far (what the observer has seen).
    public private(set) var bytesReadFromDisk: Int64 = 0
    /// Called with each raw chunk read from disk, before the bytes are handed on.
    public var observer: ((UnsafeRawBufferPointer) -> Void)?

    private var descriptor: Int32
    /// Staging buffer for callers that ask for small reads; allocated on first need.
    private var staging: UnsafeMutableRawBufferPointer?
    private var stagingStart = 0
    private var stagingEnd = 0
    private var atEnd = false

    /// Opens `path` for reading. Throws `.ioError` if it cannot be opened or is a directory.
    public init(path: String, observer: ((UnsafeRawBufferPointer) -> Void)? = nil)
        throws(SaksgangError)
    {
        self.path = path
        self.observer = observer
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw SaksgangError(.ioError, "cannot open \(FileByteSource.fileName(path)): \(FileByteSource.describe(errno))",
                                at: .init(file: path))
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw SaksgangError(.ioError, "\(FileByteSource.fileName(path)) is a directory, not a file",
                                at: .init(file: path))
        }
        descriptor = fd
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        staging?.deallocate()
    }

    /// The file's size on disk, or nil if `fstat` fails.
    public var fileSize: Int64? {
        var info = stat()
        guard descriptor >= 0, fstat(descriptor, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// The first `count` bytes of the file, read with `pread` so that neither the read
    /// position nor the observer is affected. Used to sniff the gzip magic.
    public func peekPrefix(_ count: Int) throws(SaksgangError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = bytes.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + got, count - got, off_t(got))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw ioError("cannot read")
            }
            if n == 0 { break }
            got += n
        }
        return Array(bytes[0..<got])
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SaksgangError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if stagingStart < stagingEnd, let staging {
            let n = min(buffer.count, stagingEnd - stagingStart)
            base.copyMemory(from: staging.baseAddress! + stagingStart, byteCount: n)
            stagingStart += n
            position += Int64(n)
            return n
        }
        if atEnd { return 0 }
        if buffer.count >= FileByteSource.chunkSize {
            let n = try readFromDisk(into: base, count: buffer.count)
            position += Int64(n)
            return n
        }
        // Small caller buffer: read a large chunk into the staging buffer and serve from it.
        let stage: UnsafeMutableRawBufferPointer
        if let staging { stage = staging } else {
            stage = .allocate(byteCount: FileByteSource.chunkSize, alignment: 16)
            staging = stage
        }
        let got = try readFromDisk(into: stage.baseAddress!, count: stage.count)
        stagingStart = 0
        stagingEnd = got
        if got == 0 { return 0 }
        return try read(into: buffer)
    }

    /// One `read(2)`, retried on EINTR; reports the chunk to the observer.
    private func readFromDisk(into base: UnsafeMutableRawPointer, count: Int) throws(SaksgangError) -> Int {
        while true {
            let n = posixRead(descriptor, base, count)
            if n < 0 {
                if errno == EINTR { continue }
                throw ioError("cannot read")
            }
            if n == 0 {
                atEnd = true
                return 0
            }
            bytesReadFromDisk += Int64(n)
            observer?(UnsafeRawBufferPointer(start: base, count: n))
            return n
        }
    }

    private func ioError(_ what: String) -> SaksgangError {
        SaksgangError(.ioError, "\(what) \(FileByteSource.fileName(path)): \(FileByteSource.describe(errno))",
                      at: .init(file: path, byteOffset: bytesReadFromDisk))
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
