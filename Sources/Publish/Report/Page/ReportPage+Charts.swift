import Measure

extension ReportPage {
    /// The charts drawn when their figures are present: time to first contact (required
    /// reading for a school owner), the share within target and time to closure, each by
    /// immigrant background.
    static let chartedMeasurements: [(FigureIndex.Measurement, grouping: Grouping)] =
        [Metric.timeToFirstContact, .firstContactWithinTarget, .timeToClosure].compactMap(FigureIndex.column(of:))
            .map { ($0, Grouping.immigrantBackground) }

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

    private func intervalChart(_ measurement: FigureIndex.Measurement, grouping: Grouping, groups: [String],
                               id: String) -> IntervalChart {
        let isShare = measurement.unit == .proportion
        let unit = measurement.unit
        let rows = groups.map { group -> IntervalChart.Row in
            let label = strings.groupLabel(grouping: grouping.name, group: group)
            let figure = index.figure(measurement, grouping: grouping.name, group: group)
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
        let metricLabel = strings.metricLabel(measurement.metric)
        let title = strings.chartTitle(metricLabel, strings.text(grouping.label))
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
