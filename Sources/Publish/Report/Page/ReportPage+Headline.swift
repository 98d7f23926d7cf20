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

    /// One card per metric that declares one, in the catalogue's order; each says only its
    /// own sentence, with its own figure.
    private func headlineCards() -> [HeadlineCard] {
        let all = Grouping.all.name
        var cards: [HeadlineCard] = []
        for metric in Metric.catalogue {
            guard let headline = metric.headline else { continue }
            let measurement = FigureIndex.Measurement(metric: metric, statistic: headline.statistic, unit: headline.unit,
                                                      category: headline.category)
            guard let figure = index.figure(measurement, grouping: all, group: all) else { continue }
            let label = strings.metricLabel(metric) + (headline.category.map { ": " + strings.categoryLabel(metric, $0) } ?? "")
            switch FigureText(figure, style: numbers) {
            case .withheld:
                cards.append(HeadlineCard(label: label, big: strings.withheldMark, unit: nil,
                                          sentence: strings.withheldHeadline(k), interval: nil, isValue: false))
            case .notAvailable:
                let why = headline.statistic.quantile != nil ? strings.medianNotReached : strings.notAvailableHeadline
                cards.append(HeadlineCard(label: label, big: strings.notAvailableMark, unit: nil, sentence: why,
                                          interval: nil, isValue: false))
            case let .value(main, interval):
                let spoken = SpokenNumber(figure, style: numbers, strings: strings)
                let target = content.target(for: metric)?.text ?? ""
                let sentence = strings.text(headline.sentence)
                    .replacingOccurrences(of: "{value}", with: spoken.text)
                    .replacingOccurrences(of: "{target}", with: target)
                let unitWord = figure.unit.isTime ? spoken.unitWord : nil
                cards.append(HeadlineCard(label: label, big: spoken.number, unit: unitWord, sentence: sentence,
                                          interval: interval.map { strings.interval($0 + (unitWord.map { " " + $0 } ?? "")) },
                                          isValue: true))
                _ = main
            }
        }
        return cards
    }
}
