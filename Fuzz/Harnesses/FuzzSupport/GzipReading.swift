import Ingest
import SaksgangCore

/// One reading of a gzip input: the bytes produced and the error that ended it.
public struct GzipReading: Equatable {
    public var output: [UInt8] = []
    public var error: SaksgangError.Code?

    /// Limits small enough that the size and ratio checks are reachable from a 16 KiB input.
    public static let limits = DecompressionLimits(maxOutputBytes: 3 << 20, maxRatio: 1000)

    /// Decompresses `bytes` fed `inputChunk` bytes at a time, reading `outputChunk` bytes at
    /// a time, until the end or an error. Checks the source's own counters on the way.
    public init(_ bytes: [UInt8], inputChunk: Int, outputChunk: Int,
                limits: DecompressionLimits = GzipReading.limits) {
        var output: [UInt8] = []
        var source: GzipByteSource?
        error = FuzzInput.outcome {
            let gzip = try GzipByteSource(source: MemoryByteSource(bytes, maxChunk: inputChunk), limits: limits)
            source = gzip
            var buffer = [UInt8](repeating: 0, count: outputChunk)
            while true {
                let n = try buffer.withUnsafeMutableBytes { try gzip.read(into: $0) }
                if n == 0 { break }
                guard n <= outputChunk else { FuzzInput.finding("gzip read returned more than the buffer holds") }
                output += buffer[0..<n]
            }
        }?.code
        if let source {
            guard source.position == Int64(output.count) else { FuzzInput.finding("gzip position differs from the bytes delivered") }
            guard source.compressedPosition <= Int64(bytes.count) else { FuzzInput.finding("gzip compressed position beyond the input") }
            guard source.position <= limits.maxOutputBytes else { FuzzInput.finding("gzip produced more than its limit") }
        }
        self.output = output
    }
}
