import CSaksgangCrypto

/// HMAC-SHA-256 with the key pads computed once (system libcrypto through the shim), so
/// each message costs two SHA-256 compressions instead of four plus key handling.
///
/// The MAC covers `prefix ‖ message`; the prefix carries domain separation. Immutable
/// after init, so it can be shared across threads.
public final class HMACSHA256: @unchecked Sendable {
    private let state: UnsafeMutablePointer<saksgang_hmac_key>

    /// Pre-keys with `key` (any length; keys over 64 bytes are hashed first, RFC 2104).
    public init(key: [UInt8]) {
        state = .allocate(capacity: 1)
        key.withUnsafeBufferPointer { saksgang_hmac_prekey(state, $0.baseAddress, $0.count) }
    }

    init(material: KeyMaterial) {
        state = .allocate(capacity: 1)
        material.withBytes {
            saksgang_hmac_prekey(state, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), $0.count)
        }
    }

    deinit {
        saksgang_cleanse(state, MemoryLayout<saksgang_hmac_key>.size)
        state.deallocate()
    }

    /// The 32-byte MAC of `prefix ‖ message`.
    public func authenticate(prefix: [UInt8], message: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { authenticate(prefix: prefix, messageBytes: $0) }
    }

    func authenticate(prefix: [UInt8], messageBytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        authenticate(prefix: prefix, messageBytes: messageBytes, into: &out)
        return out
    }

    /// Writes the MAC into `out` (32 bytes), avoiding an allocation on the hot path.
    func authenticate(prefix: [UInt8], messageBytes: UnsafeRawBufferPointer,
                      into out: UnsafeMutablePointer<UInt8>) {
        prefix.withUnsafeBufferPointer { p in
            saksgang_hmac(state, p.baseAddress, p.count,
                          messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                          messageBytes.count, out)
        }
    }

    func authenticate(prefix: [UInt8], messageBytes: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        out.withUnsafeMutableBufferPointer {
            authenticate(prefix: prefix, messageBytes: messageBytes, into: $0.baseAddress!)
        }
    }
}
