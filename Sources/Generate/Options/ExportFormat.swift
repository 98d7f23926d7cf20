/// The two vendor formats of exports.md: SMX (XML snapshot) and SMC (CSV delta).
public enum ExportFormat: String, Sendable, Codable, CaseIterable, Comparable {
    case smx, smc
    public static func < (a: ExportFormat, b: ExportFormat) -> Bool { a.rawValue < b.rawValue }
}
