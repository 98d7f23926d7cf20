/// How one export file is written: the variants a vendor's files come in.
public struct FileStyle: Sendable, Hashable, Codable {
    public enum Compression: String, Sendable, Codable {
        case none
        /// One gzip member.
        case gzip
        /// Several concatenated gzip members.
        case multiMemberGzip = "gzip_multi_member"
    }

    public enum LineEnding: String, Sendable, Codable {
        case lf = "LF", crlf = "CRLF"
        var bytes: [UInt8] { self == .lf ? [0x0A] : [0x0D, 0x0A] }
    }

    public var encoding: TextEncoding
    public var compression: Compression
    public var lineEnding: LineEnding

    public init(_ encoding: TextEncoding, _ compression: Compression, _ lineEnding: LineEnding) {
        self.encoding = encoding
        self.compression = compression
        self.lineEnding = lineEnding
    }
}
