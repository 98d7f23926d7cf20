import Measure

/// A figure as a reader says it: "samme dag", "1 arbeidsdag", "2,5 arbeidsdager", "44 %",
/// "120 saker". Whole numbers are written without decimals.
struct SpokenNumber {
    /// The number alone, for the big figure on a card ("1", "2,5", "44 %").
    var number: String
    /// The unit word that goes with the number ("arbeidsdag"), for times and counts.
    var unitWord: String?
    /// Number and unit in a sentence ("samme dag", "1 arbeidsdag", "120 saker").
    var text: String

    init(_ figure: Figure, style: NumberStyle, strings: ReportStrings) {
        let value = figure.estimate ?? 0
        let whole = value == value.rounded()
        let number = whole ? style.integer(Int(value)) : style.decimal(value, decimals: 1)
        switch figure.unit {
        case .proportion:
            self.number = style.percent(value)
            unitWord = nil
            text = self.number
        case .hours, .calendarDays, .workingDays, .schoolDays:
            let word = strings.text(value == 1 ? figure.unit.singular : figure.unit.label)
            self.number = number
            unitWord = word
            if value == 0 && figure.unit != .hours {
                text = strings.htmlLanguage == "nb" ? "samme dag" : "the same day"
            } else {
                text = number + " " + word
            }
        case .cases, .pupils:
            let word = strings.text(value == 1 ? figure.unit.singular : figure.unit.label)
            self.number = number
            unitWord = word
            text = number + " " + word
        }
    }
}
