import FuzzSupport
import Ingest
import SaksgangCore

/// libFuzzer entry for `CSVReader`: reads the input with a large buffer in one chunk and
/// again with the smallest buffer through tiny chunks; every field is asked for in both and
/// the readings must agree (header, rows, success or failure).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    let whole = CSVReading(bytes, inputChunk: .max, initialBuffer: 256 * 1024)
    let small = CSVReading(bytes, inputChunk: FuzzInput.smallChunk(bytes, modulo: 17), initialBuffer: 16)
    if (whole.error == nil) != (small.error == nil) {
        FuzzInput.finding("CSV outcome depends on buffering: \(whole.error?.rawValue ?? "ok") vs \(small.error?.rawValue ?? "ok")")
    }
    if whole.header != small.header { FuzzInput.finding("CSV header depends on buffering") }
    if whole.rows != small.rows { FuzzInput.finding("CSV rows depend on buffering") }
    if whole.error == nil && whole.encoding != small.encoding { FuzzInput.finding("CSV encoding depends on buffering") }
    return 0
}

/// The process entry: libFuzzer's driver with this harness.
@main
enum FuzzCSVMain {
    static func main() { FuzzDriver.run(fuzzCSV) }
}
