import FuzzSupport
import Ingest
import SaksgangCore

/// libFuzzer entry for `GzipByteSource`: decompresses the input in one chunk and again
/// through small input and output chunks; both readings must agree (same bytes, or the same
/// error after a common prefix), and neither may crash, hang or exceed the limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    let whole = GzipReading(bytes, inputChunk: .max, outputChunk: 64 * 1024)
    // The ratio check depends on how much input inflate has consumed when it runs, so two
    // chunkings can only be compared below the ratio grace.
    guard whole.output.count < Int(DecompressionLimits.ratioGrace) else { return 0 }
    let small = GzipReading(bytes, inputChunk: FuzzInput.smallChunk(bytes, modulo: 31),
                            outputChunk: FuzzInput.smallChunk(bytes.reversed(), modulo: 4099))
    if whole.error != small.error {
        FuzzInput.finding("gzip outcome depends on chunking: \(whole.error?.rawValue ?? "ok") vs \(small.error?.rawValue ?? "ok")")
    }
    if whole.error == nil {
        if whole.output != small.output { FuzzInput.finding("gzip output depends on chunking") }
    } else {
        let n = min(whole.output.count, small.output.count)
        if whole.output[0..<n] != small.output[0..<n] { FuzzInput.finding("gzip partial output depends on chunking") }
    }
    return 0
}

/// The process entry: libFuzzer's driver with this harness.
@main
enum FuzzGzipMain {
    static func main() { FuzzDriver.run(fuzzGzip) }
}
