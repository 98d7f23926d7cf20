import Measure

extension ReportPage {
    /// A word in the report's language.
    func say(_ bokmal: String, _ english: String) -> String {
        content.language == .bokmal ? bokmal : english
    }

    /// The notice at the top when something did not reach the figures: files refused (with
    /// the reason in words), records set aside, school calendars missing (school-day figures
    /// withheld), cases without a time of knowledge or with date errors. Every count is a
    /// published figure or a count of input files. Nothing to say: no banner.
    func banner(_ w: inout MarkupWriter) {
        var items: [String] = []
        let refused = content.files.filter { $0.errorReason != nil }
        if !refused.isEmpty {
            let list = refused.map { $0.name + " (" + ReasonWords.words($0.errorReason ?? "", language: content.language) + ")" }
                .joined(separator: "; ")
            items.append(refused.count == 1
                ? say("1 fil ble avvist og er ikke med i tallene: \(list).", "1 file was refused and is not in the figures: \(list).")
                : say("\(numbers.integer(refused.count)) filer ble avvist og er ikke med i tallene: \(list).",
                      "\(numbers.integer(refused.count)) files were refused and are not in the figures: \(list)."))
        }
        let read = content.files.filter { $0.errorReason == nil }
        let records = read.reduce(0) { $0 + $1.quarantined }
        if records > 0, read.contains(where: \.countsWithheld) {
            // A total beside published files' counts would give the withheld ones back.
            items.append(say("Noen poster ble satt til side (karantene) fordi de var feil eller ufullstendige; de er ikke med i tallene.",
                             "Some records were set aside (quarantined) as faulty or incomplete; they are not in the figures."))
        } else if records > 0 {
            items.append(records == 1
                ? say("1 post ble satt til side (karantene) fordi den var feil eller ufullstendig; den er ikke med i tallene.",
                      "1 record was set aside (quarantined) as faulty or incomplete; it is not in the figures.")
                : say("\(numbers.integer(records)) poster ble satt til side (karantene) fordi de var feil eller ufullstendige; de er ikke med i tallene.",
                      "\(numbers.integer(records)) records were set aside (quarantined) as faulty or incomplete; they are not in the figures."))
        }
        if !content.missingSchoolCalendars.isEmpty {
            items.append(strings.missingCalendars(content.missingSchoolCalendars.joined(separator: ", ")))
        }
        let all = Grouping.all.name
        func count(_ metric: Metric, _ category: String) -> Int? {
            quality.first { $0.metric == metric && $0.grouping == all && $0.category == category && !$0.suppressed }?.n
        }
        func cases(_ n: Int) -> String { SpokenNumber(Double(n), unit: .cases, style: numbers, strings: strings).text }
        if let n = count(.missingField, MissingField.knowledge.rawValue), n > 0 {
            items.append(say("\(cases(n)) mangler tidspunktet da skolen fikk kjennskap; de er ikke med i tidsmålene.",
                             "\(cases(n)) lack the time the school knew; they are not in the time figures."))
        }
        if let n = count(.dateError, DateError.eventBeforeKnowledge.rawValue), n > 0 {
            items.append(say("\(cases(n)) har en hendelse datert før skolen fikk kjennskap (en registreringsfeil).",
                             "\(cases(n)) have an event dated before the school knew (a recording error)."))
        }
        if let n = count(.dateError, DateError.futureDate.rawValue), n > 0 {
            items.append(say("\(cases(n)) har en dato etter eksporten (en registreringsfeil).",
                             "\(cases(n)) have a date after the export (a recording error)."))
        }
        guard !items.isEmpty else { return }
        w.open("aside", [("class", "banner"), ("aria-label", say("Merknader om datagrunnlaget", "Notes on the data"))])
        w.element("p", [("class", "banner-title")], text: say("Ikke alt kom med i tallene", "Not everything reached the figures"))
        w.open("ul")
        for item in items { w.element("li", text: item) }
        w.close("ul")
        w.element("p", text: say("Se avsnittene om datakvalitet og innleste filer lenger ned.",
                                 "See the sections on data quality and input files further down."))
        w.close("aside")
        w.newline()
    }
}
