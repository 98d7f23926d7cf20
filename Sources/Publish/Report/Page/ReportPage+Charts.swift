import Measure

extension ReportPage {
    /// The charts drawn when their figures are present: time to first contact (required
    /// reading for a school owner), the share within target and time to closure, each by
    /// immigrant background.
    static let chartedMeasurements: [(FigureIndex.Measurement, grouping: String)] = [
        (.init(metric: "time_to_first_contact", statistic: "median"), Grouping.immigrantBackground.name),
        (.init(metric: "first_contact_within_target", statistic: "share"), Grouping.immigrantBackground.name),
        (.init(metric: "time_to_closure", statistic: "median"), Grouping.immigrantBackground.name),
    ]

    func charts(_ w: inout MarkupWriter) {
        for (number, (measurement, grouping)) in ReportPage.chartedMeasurements.enumerated() {
            let groups = index.groups(of: grouping, for: measurement)
            guard !groups.isEmpty else { continue }
            let chart = intervalChart(measurement, grouping: grouping, groups: groups, id: "chart-\(number + 1)")
            w.open("section", [("class", "chart")])
            w.element("h2", text: chart.title)
            w.open("figure")
            w.append(chart.svg())
            w.element("figcaption", text: chart.description)
            w.close("figure")
            w.close("section")
            w.newline()
        }
    }

    private func intervalChart(_ measurement: FigureIndex.Measurement, grouping: String, groups: [String],
                               id: String) -> IntervalChart {
        let isShare = index.unit(of: measurement) == "proportion"
        let unit = index.unit(of: measurement)
        let rows = groups.map { group -> IntervalChart.Row in
            let label = strings.groupLabel(grouping: grouping, group: group)
            let figure = index.figure(measurement, grouping: grouping, group: group)
            switch FigureText(figure, style: numbers) {
            case .withheld: return .init(label: label, value: .withheld)
            case .notAvailable: return .init(label: label, value: .missing)
            case let .value(main, _):
                return .init(label: label, value: .value(estimate: figure?.estimate ?? 0, low: figure?.ciLow,
                                                         high: figure?.ciHigh, text: main))
            }
        }
        var reference: (Double, String)?
        let all = Grouping.all.name
        if let overall = index.figure(measurement, grouping: all, group: all), let value = overall.estimate,
           case let .value(main, _) = FigureText(overall, style: numbers) {
            reference = (value, strings.chartReference(main))
        }
        let metricLabel = strings.metricLabel(metric: measurement.metric, statistic: measurement.statistic)
        let title = strings.chartTitle(metricLabel, strings.groupingTitle(grouping))
        let style = numbers
        return IntervalChart(
            id: id, title: title, description: isShare ? strings.chartCaptionShare : strings.chartCaptionMedian, rows: rows,
            axisTitle: isShare ? strings.chartAxisShare : strings.chartAxisTime(strings.unitWord(unit)),
            reference: reference, fixedMaximum: isShare ? 1 : nil,
            tickLabel: isShare ? { style.percent($0) } : { style.general($0) },
            withheldText: strings.withheldWord, withheldMark: strings.withheldMark,
            missingText: strings.chartNoFigure)
    }
}
