/// Caps on what a gzip source may produce, so that a gzip bomb is refused before it fills
/// memory or disk (operations.md: hostile input is refused without harm).
public struct DecompressionLimits: Sendable, Equatable {
    /// The most decompressed bytes a file may produce.
    public var maxOutputBytes: Int64
    /// The highest allowed ratio of decompressed to compressed bytes. Checked only once the
    /// output exceeds `ratioGrace`, because small files of repetitive text compress well.
    public var maxRatio: Int
    /// Output below this many bytes is never refused for its ratio (1 MiB).
    public static let ratioGrace: Int64 = 1 << 20

    /// Defaults: 8 GiB of output and 1000:1. Real exports compress 5–20:1; zlib's deflate
    /// cannot exceed about 1032:1, so the default ratio only stops pathological input.
    public init(maxOutputBytes: Int64 = 8 << 30, maxRatio: Int = 1000) {
        self.maxOutputBytes = maxOutputBytes
        self.maxRatio = maxRatio
    }

    /// Generous limits for trusted input.
    public static let standard = DecompressionLimits()
}
