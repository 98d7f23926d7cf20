import Measure

/// A figure as a reader says it: "samme dag", "1 arbeidsdag", "2,5 arbeidsdager", "44 %",
/// "120 saker". Times are rounded to one decimal first and whole numbers written without
/// decimals, so "1,0 arbeidsdager" and "0,0" never appear: the word follows the number shown.
struct SpokenNumber {
    /// The number alone, for the big figure on a card ("1", "2,5", "44 %").
    var number: String
    /// The unit word that goes with the number ("arbeidsdag"), for times and counts.
    var unitWord: String?
    /// Number and unit in a sentence ("samme dag", "1 arbeidsdag", "120 saker").
    var text: String

    init(_ figure: Figure, style: NumberStyle, strings: ReportStrings) {
        self.init(figure.estimate ?? 0, unit: figure.unit, style: style, strings: strings)
    }

    init(_ value: Double, unit: FigureUnit, style: NumberStyle, strings: ReportStrings) {
        switch unit {
        case .proportion:
            number = style.percent(value)
            unitWord = nil
            text = number
        case .hours, .calendarDays, .workingDays, .schoolDays:
            let shown = (value * 10).rounded() / 10
            let word = strings.text(shown == 1 ? unit.singular : unit.label)
            number = style.short(value)
            unitWord = word
            if shown == 0 && unit != .hours {
                text = strings.htmlLanguage == "nb" ? "samme dag" : "the same day"
            } else {
                text = number + " " + word
            }
        case .cases, .pupils:
            let whole = Int(value.rounded())
            let word = strings.text(whole == 1 ? unit.singular : unit.label)
            number = style.integer(whole)
            unitWord = word
            text = number + " " + word
        }
    }
}
