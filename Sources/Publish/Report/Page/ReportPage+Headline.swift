import Measure

extension ReportPage {
    /// The key figures in plain words, one card each: cases, the median time to first contact
    /// and to closure with their intervals, the share within target, the share of
    /// ethnicity-based cases. A card whose figure was not given is left out.
    func headline(_ w: inout MarkupWriter) {
        let cards = headlineCards()
        guard !cards.isEmpty else { return }
        w.open("section", [("class", "headline")])
        w.element("h2", text: strings.headlineTitle)
        w.open("div", [("class", "cards")])
        for card in cards {
            w.open("div", [("class", "card")])
            w.element("h3", text: card.label)
            w.element("p", [("class", card.isValue ? "big" : "big muted")]) { w in
                w.text(card.big)
                if let unit = card.unit { w.element("span", [("class", "big-unit")], text: " " + unit) }
            }
            w.element("p", text: card.sentence)
            if let interval = card.interval { w.element("p", [("class", "card-ci")], text: interval) }
            w.close("div")
            w.newline()
        }
        w.close("div")
        w.close("section")
        w.newline()
    }

    struct HeadlineCard {
        var label: String
        var big: String
        /// The unit after a time ("arbeidsdager"), set smaller than the number.
        var unit: String?
        var sentence: String
        var interval: String?
        var isValue: Bool
    }

    private func headlineCards() -> [HeadlineCard] {
        let all = Grouping.all.name
        var cards: [HeadlineCard] = []
        for measurement in FigureIndex.knownMeasurements {
            guard let figure = index.figure(measurement, grouping: all, group: all) else { continue }
            let label = strings.metricLabel(metric: measurement.metric, statistic: measurement.statistic)
            switch FigureText(figure, style: numbers) {
            case .withheld:
                cards.append(HeadlineCard(label: label, big: strings.withheldMark, unit: nil,
                                          sentence: strings.withheldHeadline(k), interval: nil, isValue: false))
            case .notAvailable:
                let why = measurement.statistic == "median" ? strings.medianNotReached : strings.notAvailableHeadline
                cards.append(HeadlineCard(label: label, big: strings.notAvailableMark, unit: nil, sentence: why,
                                          interval: nil, isValue: false))
            case let .value(main, interval):
                let unitWord = FigureText.timeUnits.contains(figure.unit) ? strings.unitWord(figure.unit) : nil
                let unit = unitWord.map { " " + $0 } ?? ""
                let big = main + unit
                let sentence: String
                switch measurement.metric {
                case "cases": sentence = strings.casesSentence(main)
                case "time_to_first_contact": sentence = strings.firstContactSentence(big)
                case "time_to_closure": sentence = strings.closureSentence(big)
                case "first_contact_within_target":
                    sentence = strings.withinTargetSentence(main, content.target(for: measurement.metric)?.text)
                default: sentence = strings.ethnicitySentence(main)
                }
                cards.append(HeadlineCard(label: label, big: main, unit: unitWord, sentence: sentence,
                                          interval: interval.map { strings.interval($0 + unit) }, isValue: true))
            }
        }
        return cards
    }
}
