/// A keyed pseudonym (HMAC-SHA-256 under the school owner's key, truncated to 128 bits,
/// base32). Nobody can go back from it to the person; the key holder can go forward.
public struct Pseudonym: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { value }
    public static func < (a: Pseudonym, b: Pseudonym) -> Bool { a.value < b.value }

    public init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}
