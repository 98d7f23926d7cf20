#if canImport(Glibc)
import Glibc
#endif
import Foundation
import FuzzSupport
import Ingest
import SaksgangCore

let smx = FuzzInput.mapping("smx")
let smc = FuzzInput.mapping("smc")
/// Inputs are written here (a RAM disk when there is one) because `ExportReader` reads paths.
let scratch: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let dir = "\(base)/saksgang-fuzz-mapping-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}()

/// Whether the content (gunzipped first if it is gzip) starts with `<` after an optional BOM
/// and blanks: such input goes to the SMX mapping.
func looksLikeXML(_ bytes: [UInt8]) -> Bool {
    var head = bytes
    if bytes.starts(with: ByteSources.gzipMagic) {
        head = [UInt8](repeating: 0, count: 64)
        let n = head.withUnsafeMutableBytes { buffer in
            (try? GzipByteSource(source: MemoryByteSource(bytes)).read(into: buffer)) ?? 0
        }
        head.removeSubrange(n...)
    }
    return head.drop { [0xEF, 0xBB, 0xBF, 0x20, 0x0A, 0x0D, 0x09].contains($0) }.first == UInt8(ascii: "<")
}

/// libFuzzer entry for the whole read of one export: `ByteSources.open` (gzip sniffing),
/// the CSV or XML reader and `RecordMapper` with the committed SMC or SMX mapping. Input
/// starting with `<` (after an optional BOM or blanks), also once gunzipped, is read as SMX,
/// anything else as SMC.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMapping(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let xml = looksLikeXML(FuzzDriver.bytes(data, size))
    let path = scratch + (xml ? "/smx_1103_20250620.xml" : "/smc_5001_20250620.csv")
    guard let file = fopen(path, "wb") else { FuzzInput.finding("cannot write the scratch file") }
    if size > 0 { _ = fwrite(data, 1, size, file) }
    fclose(file)
    _ = MappingReading(path: path, mapping: xml ? smx : smc)
    return 0
}

/// The process entry: libFuzzer's driver with this harness.
@main
enum FuzzMappingMain {
    static func main() { FuzzDriver.run(fuzzMapping) }
}
