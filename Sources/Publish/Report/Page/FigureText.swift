import Measure

/// A figure in words and numbers of the report's language: "2" with "1–3" for a median
/// in days (whole times without decimals, "2,5" where there is one), "44 %" with "40–48 %" for a share. Withheld and missing figures are
/// told apart, because they mean different things to the reader.
enum FigureText: Equatable {
    case value(main: String, interval: String?)
    case withheld
    case notAvailable

    init(_ figure: Figure?, style: NumberStyle) {
        guard let figure else { self = .notAvailable; return }
        if figure.suppressed { self = .withheld; return }
        guard let estimate = figure.estimate else { self = .notAvailable; return }
        let lo = figure.ciLow
        let hi = figure.ciHigh
        func range(_ format: (Double) -> String, suffix: String = "") -> String? {
            guard lo != nil || hi != nil else { return nil }
            return (lo.map(format) ?? "…") + "–" + (hi.map(format) ?? "…") + suffix
        }
        switch figure.unit {
        case .proportion:
            self = .value(main: style.percent(estimate),
                          interval: range(style.percentNumber, suffix: style.percentSpace + "%"))
        case .cases, .pupils:
            self = .value(main: style.integer(Int(estimate.rounded())),
                          interval: range { style.integer(Int($0.rounded())) })
        case .hours, .calendarDays, .workingDays, .schoolDays:
            self = .value(main: style.short(estimate), interval: range(style.short))
        }
    }
}
