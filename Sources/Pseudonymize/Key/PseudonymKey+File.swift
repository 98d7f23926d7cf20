#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSaksgangCrypto
import SaksgangCore

extension PseudonymKey {
    /// Largest key file accepted; a key is 64 hex digits, anything much bigger is the
    /// wrong file.
    static let maximumFileBytes = 4096

    /// Loads the key from a key file, refusing (with `SaksgangError` code `.key`) a file
    /// that is missing, is not a regular file, can be read or written by group or others
    /// (a symbolic link is followed and the file it points to is checked), is not hex, or
    /// holds under 32 bytes of key material.
    ///
    /// The file is opened once and checked through the open descriptor, so the file that
    /// is checked is the file that is read.
    public init(contentsOfFile path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let err = errno
            switch err {
            case ENOENT:
                throw SaksgangError(.key, "key file \(path) does not exist; point the pipeline at the school "
                    + "owner's key file, or create a new key (only for a first run: a new key "
                    + "cannot link to earlier pseudonyms)")
            case EACCES:
                throw SaksgangError(.key, "key file \(path) cannot be read by this user "
                    + "(permission denied); run the pipeline as the key's owner")
            default:
                throw SaksgangError(.key, "key file \(path) cannot be opened: \(Self.systemMessage(err))")
            }
        }
        defer { close(fd) }

        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw SaksgangError(.key, "key file \(path) cannot be examined: \(Self.systemMessage(errno))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw SaksgangError(.key, "key file \(path) is not a regular file")
        }
        let loose = info.st_mode & 0o077
        guard loose == 0 else {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw SaksgangError(.key, "key file \(path) can be read or written by group or others "
                + "(mode 0\(mode)); it must be readable by its owner only: run `chmod 600 \(path)`")
        }
        guard Int(info.st_size) <= Self.maximumFileBytes else {
            throw SaksgangError(.key, "key file \(path) is \(info.st_size) bytes: too large to be a "
                + "key file (expected 64 hex digits and a newline)")
        }

        var content = [UInt8](repeating: 0, count: Self.maximumFileBytes + 1)
        defer { content.withUnsafeMutableBytes { saksgang_cleanse($0.baseAddress, $0.count) } }
        var filled = 0
        while filled < content.count {
            let n = content.withUnsafeMutableBytes { buf in
                read(fd, buf.baseAddress! + filled, buf.count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw SaksgangError(.key, "key file \(path) cannot be read: \(Self.systemMessage(errno))")
            }
            if n == 0 { break }
            filled += n
        }
        guard filled <= Self.maximumFileBytes else {
            throw SaksgangError(.key, "key file \(path) is too large to be a key file "
                + "(expected 64 hex digits and a newline)")
        }
        try self.init(fileContent: Array(content[0..<filled]), origin: "key file \(path)")
    }

    /// Writes a new key file: 32 fresh random bytes from the system's CSPRNG as 64 hex
    /// digits and a newline, created with mode 0600. Refuses to overwrite an existing file
    /// (or a symbolic link) at `path`: replacing a key breaks every link to earlier runs.
    @discardableResult
    public static func create(atPath path: String) throws -> PseudonymKey {
        var raw = [UInt8](repeating: 0, count: minimumBytes)
        defer { raw.withUnsafeMutableBytes { saksgang_cleanse($0.baseAddress, $0.count) } }
        let ok = raw.withUnsafeMutableBufferPointer {
            saksgang_random_bytes($0.baseAddress, Int32($0.count))
        }
        guard ok == 1 else {
            throw SaksgangError(.key, "no random bytes available from the system to create a key")
        }
        var text = Array(Hex.lower(raw).utf8) + [0x0A]
        defer { text.withUnsafeMutableBytes { saksgang_cleanse($0.baseAddress, $0.count) } }
        let key = try PseudonymKey(fileContent: text, origin: "new key")

        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            let err = errno
            if err == EEXIST {
                throw SaksgangError(.key, "key file \(path) already exists; refusing to overwrite "
                    + "it (a new key makes every earlier pseudonym unlinkable)")
            }
            throw SaksgangError(.key, "key file \(path) cannot be created: \(systemMessage(err))")
        }
        var failure: Int32 = 0
        if fchmod(fd, 0o600) != 0 { failure = errno }
        var written = 0
        while failure == 0 && written < text.count {
            let n = text.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
            } else {
                written += n
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw SaksgangError(.key, "key file \(path) could not be written: \(systemMessage(failure))")
        }
        return key
    }

    static func systemMessage(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

extension PseudonymKey {
    /// `init(contentsOfFile:)` for callers that handle only `SaksgangError`: every refusal
    /// comes out as a `.key` error naming the file.
    public static func load(path: String) throws(SaksgangError) -> PseudonymKey {
        do { return try PseudonymKey(contentsOfFile: path) } catch let e as SaksgangError { throw e } catch {
            throw SaksgangError(.key, "the key file cannot be used", at: .init(file: path))
        }
    }
}
