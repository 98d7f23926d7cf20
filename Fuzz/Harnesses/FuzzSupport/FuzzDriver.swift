#if canImport(Glibc)
import Glibc
#endif
import CFuzzerDriver

/// Starts libFuzzer's driver with the process's arguments and one harness function; exits
/// with the driver's status. Each harness's `@main` calls this.
public enum FuzzDriver {
    public typealias Harness = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    public static func run(_ harness: Harness) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv, harness)
        exit(status)
    }

    /// The input as an array (a nil pointer is the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
