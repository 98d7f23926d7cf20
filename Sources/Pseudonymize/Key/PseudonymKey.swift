import CSaksgangCrypto
import SaksgangCore

/// The school owner's secret pseudonym key (privacy.md §1): at least 32 bytes, kept in a
/// file outside the repository and the output folder, readable by its owner only.
///
/// The key never prints itself: its description is its public `id`, a short hash that can
/// be recorded in the state store and logs to notice a changed key.
public struct PseudonymKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Fewest bytes of key material accepted (256 bits).
    public static let minimumBytes = 32

    let material: KeyMaterial

    /// The public key id: `"k"` + the first 16 hex digits of
    /// SHA-256("saksgang-key-id:" ‖ key bytes). Safe to print and store; not the key.
    public let id: String

    /// A key from its text form: hex digits (either case), at least 64 of them and an even
    /// number, optionally followed by one newline. This is the content of a key file.
    /// Throws `SaksgangError` with code `.key`; the message never quotes the text.
    public init(hex text: String) throws {
        try self.init(fileContent: Array(text.utf8), origin: "key text")
    }

    init(fileContent content: [UInt8], origin: String) throws {
        var content = content
        defer { content.withUnsafeMutableBytes { saksgang_cleanse($0.baseAddress, $0.count) } }
        var end = content.count
        if end > 0 && content[end - 1] == 0x0A {
            end -= 1
            if end > 0 && content[end - 1] == 0x0D { end -= 1 }
        }
        guard end > 0 else {
            throw SaksgangError(.key, "\(origin) is empty: it must hold at least "
                + "\(2 * Self.minimumBytes) hex digits (\(Self.minimumBytes) bytes of key material)")
        }
        guard end % 2 == 0 else {
            throw SaksgangError(.key, "\(origin) is not a hex key: it holds an odd number of "
                + "characters (a key file is hex digits and at most one trailing newline)")
        }
        var bytes = [UInt8](repeating: 0, count: end / 2)
        defer { bytes.withUnsafeMutableBytes { saksgang_cleanse($0.baseAddress, $0.count) } }
        for i in 0..<(end / 2) {
            guard let hi = Self.hexValue(content[2 * i]), let lo = Self.hexValue(content[2 * i + 1]) else {
                throw SaksgangError(.key, "\(origin) is not a hex key: it holds a character "
                    + "that is not a hex digit (a key file is hex digits and at most one trailing newline)")
            }
            bytes[i] = hi << 4 | lo
        }
        guard bytes.count >= Self.minimumBytes else {
            throw SaksgangError(.key, "\(origin) is too short: it holds \(bytes.count) bytes of "
                + "key material, at least \(Self.minimumBytes) (\(2 * Self.minimumBytes) hex digits) "
                + "are required")
        }
        material = bytes.withUnsafeBytes { KeyMaterial(copying: $0) }
        id = material.withBytes(Self.keyID)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }

    private static func keyID(_ key: UnsafeRawBufferPointer) -> String {
        var ctx = saksgang_sha256_ctx()
        saksgang_sha256_init(&ctx)
        let label = Array("saksgang-key-id:".utf8)
        label.withUnsafeBytes { saksgang_sha256_update(&ctx, $0.baseAddress, $0.count) }
        saksgang_sha256_update(&ctx, key.baseAddress, key.count)
        var digest = [UInt8](repeating: 0, count: 32)
        digest.withUnsafeMutableBufferPointer { saksgang_sha256_final(&ctx, $0.baseAddress) }
        saksgang_cleanse(&ctx, MemoryLayout<saksgang_sha256_ctx>.size)
        return "k" + Hex.lower(digest.prefix(8))
    }

    public var description: String { "PseudonymKey(\(id))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["id": id]) }
}
