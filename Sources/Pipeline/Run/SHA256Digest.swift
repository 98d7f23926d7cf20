import CSaksgangCrypto

/// SHA-256 for content hashes (files already ingested, the manifest).
public struct SHA256Digest {
    private var ctx = saksgang_sha256_ctx()

    public init() { saksgang_sha256_init(&ctx) }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        saksgang_sha256_update(&ctx, bytes.baseAddress, bytes.count)
    }

    public mutating func finalize() -> String {
        var out = [UInt8](repeating: 0, count: 32)
        saksgang_sha256_final(&ctx, &out)
            let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for b in out { hex.append(digits[Int(b >> 4)]); hex.append(digits[Int(b & 15)]) }
        return String(decoding: hex, as: UTF8.self)
    }

    public static func hex(of bytes: [UInt8]) -> String {
        var d = SHA256Digest()
        bytes.withUnsafeBytes { d.update($0) }
        return d.finalize()
    }
}
