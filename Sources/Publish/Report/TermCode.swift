import Measure

/// A term code of the tables (`2024-autumn`, `2025-spring`) read back: its words ("høsten
/// 2024") and its place in time, so that terms are listed in the order they happened.
struct TermCode {
    let year: Int
    let isAutumn: Bool

    init?(_ code: String) {
        let parts = code.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[1] == "autumn" || parts[1] == "spring" else { return nil }
        self.year = year
        isAutumn = parts[1] == "autumn"
    }

    var label: Label { isAutumn ? Label("høsten \(year)", "autumn \(year)") : Label("våren \(year)", "spring \(year)") }

    /// Spring before autumn within a year.
    var order: Int { year * 2 + (isAutumn ? 1 : 0) }

    /// Term codes in the order they happened; other codes (`unknown`) last, as given.
    static func chronological(_ codes: [String]) -> [String] {
        let terms = codes.compactMap { code in TermCode(code).map { (code, $0.order) } }.sorted { $0.1 < $1.1 }.map(\.0)
        return terms + codes.filter { TermCode($0) == nil }
    }
}
