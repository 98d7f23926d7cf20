/// The local standards a school owner sets in the pipeline file (metrics.md §2). Not law.
public struct Targets: Sendable, Equatable, Codable {
    /// First contact with the home within this many working days (default: same or next).
    public var firstContactWorkingDays: Int

    public init(firstContactWorkingDays: Int = 1) {
        self.firstContactWorkingDays = firstContactWorkingDays
    }
}
