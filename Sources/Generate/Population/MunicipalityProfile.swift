import SaksgangCore

/// A school owner the generator writes exports for: its number and schools, which vendor
/// system it uses (SMX, SMC or both during a change of vendor), how that vendor's files look,
/// and the make-up of its pupils.
struct MunicipalityProfile: Sendable {
    enum Vendor: String, Sendable { case smx, smc, both }

    let number: String
    let name: String
    /// Share of all cases (normalised over the catalogue).
    let weight: Double
    let vendor: Vendor
    let smxStyle: FileStyle
    /// Styles of the SMC deltas, oldest first (cycled when there are more deltas).
    let smcStyles: [FileStyle]
    /// Shares of immigrant category (nil = unknown) among pupils who are neither Sami nor
    /// from a national minority.
    let categoryShares: [(ImmigrantCategory?, Double)]
    let samiShare: Double
    let minorityShares: [(NationalMinority, Double)]
    let schoolNames: [String]
    /// How the vendor writes case numbers: `2025/0142` (SMX vendor) or `2025-0142`.
    let caseNumberSeparator: String

    /// Which formats this municipality delivers when the run asks for `formats`.
    func formats(_ formats: Set<ExportFormat>) -> Set<ExportFormat> {
        if formats.count == 1 { return formats }
        switch vendor {
        case .smx: return [.smx]
        case .smc: return [.smc]
        case .both: return [.smx, .smc]
        }
    }

    /// True when some file of this municipality is written in Windows-1252, so every name
    /// and text of its cases must fit that encoding.
    func needsWindows1252(_ formats: Set<ExportFormat>) -> Bool {
        self.formats(formats).contains(.smc) && smcStyles.contains { $0.encoding == .windows1252 }
    }
}
