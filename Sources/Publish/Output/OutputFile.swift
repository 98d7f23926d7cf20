/// A file the run wrote, as the manifest records it.
public struct OutputFile: Sendable, Equatable, Codable {
    public var name: String
    /// SHA-256 of the bytes written, lower-case hex.
    public var sha256: String
    public var bytes: Int

    public init(name: String, sha256: String, bytes: Int) {
        self.name = name
        self.sha256 = sha256
        self.bytes = bytes
    }
}
