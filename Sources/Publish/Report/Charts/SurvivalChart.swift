import Foundation

/// Kaplan–Meier curves drawn as the share that has had the event (1 − S), one step curve per
/// group with its 95 % band as a light area and a tick where cases were censored (still
/// open, or closed without the event). Groups differ by colour (Okabe–Ito, safe for colour
/// blindness) and by line pattern and a legend, so nothing depends on colour alone. Each
/// curve ends where fewer than k cases remained at risk.
struct SurvivalChart {
    struct Series {
        var label: String
        /// (time, share reached, band low, band high, censored here) per step, ascending.
        var steps: [(time: Double, reached: Double, low: Double?, high: Double?, censored: Bool)]
    }

    var id: String
    var title: String
    var description: String
    var series: [Series]
    var axisTitle: String
    var shareAxisTitle: String
    var tickLabel: (Double) -> String
    var percentLabel: (Double) -> String
    /// A vertical line at the target, with its label.
    var target: (time: Double, label: String)?
    var censorLegend: String
    /// The end of the time axis, when the chart shows only the start of the curves.
    var window: Double? = nil

    static let width = 760.0
    static let plotLeft = 64.0
    static let plotRight = 740.0
    static let top = 34.0
    static let plotHeight = 250.0
    static let legendRow = 22.0

    /// Okabe–Ito colours and line patterns, in group order.
    static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    static let dashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3", "4 2", "1 2", "12 3"]
    static let inkColour = "#1f2933"
    static let gridColour = "#d5dbe1"
    static let mutedColour = "#5b6672"

    func svg() -> MarkupWriter {
        let bottom = SurvivalChart.top + SurvivalChart.plotHeight
        let legendTop = bottom + 50
        let height = legendTop + Double(series.count + 1) * SurvivalChart.legendRow + 6
        var svg = SVGWriter(width: SurvivalChart.width, height: height, id: id, title: title, description: description)
        let (maximum, step) = axis()
        func x(_ t: Double) -> Double {
            SurvivalChart.plotLeft + min(max(t, 0), maximum) / maximum * (SurvivalChart.plotRight - SurvivalChart.plotLeft)
        }
        func y(_ share: Double) -> Double { bottom - min(max(share, 0), 1) * SurvivalChart.plotHeight }

        // Grid and axes.
        for i in 0...4 {
            let share = Double(i) / 4
            svg.line(x1: SurvivalChart.plotLeft, y1: y(share), x2: SurvivalChart.plotRight, y2: y(share), stroke: SurvivalChart.gridColour)
            svg.text(percentLabel(share), x: SurvivalChart.plotLeft - 6, y: y(share) + 4, anchor: .end, fill: SurvivalChart.mutedColour, size: 12)
        }
        var tick = 0.0
        while tick <= maximum + step / 1000 {
            svg.line(x1: x(tick), y1: bottom, x2: x(tick), y2: bottom + 4, stroke: SurvivalChart.inkColour)
            svg.text(tickLabel(tick), x: x(tick), y: bottom + 18, anchor: .middle, fill: SurvivalChart.mutedColour, size: 12)
            tick += step
        }
        svg.line(x1: SurvivalChart.plotLeft, y1: bottom, x2: SurvivalChart.plotRight, y2: bottom, stroke: SurvivalChart.inkColour)
        svg.line(x1: SurvivalChart.plotLeft, y1: SurvivalChart.top, x2: SurvivalChart.plotLeft, y2: bottom, stroke: SurvivalChart.inkColour)
        svg.text(axisTitle, x: (SurvivalChart.plotLeft + SurvivalChart.plotRight) / 2, y: bottom + 38, anchor: .middle, size: 12)
        svg.text(shareAxisTitle, x: SurvivalChart.plotLeft - 40, y: 14, fill: SurvivalChart.mutedColour, size: 12)

        if let target, target.time <= maximum {
            svg.line(x1: x(target.time), y1: SurvivalChart.top, x2: x(target.time), y2: bottom,
                     stroke: SurvivalChart.inkColour, width: 1, dash: "3 3")
            svg.text(target.label, x: x(target.time) + 4, y: bottom - 6, fill: SurvivalChart.inkColour, size: 11)
        }

        for (i, full) in series.enumerated() where !full.steps.isEmpty {
            // Only the steps inside the window; a curve that goes on is drawn to the edge.
            var s = full
            s.steps = full.steps.filter { $0.time <= maximum }
            let goesOn = s.steps.count < full.steps.count
            if s.steps.isEmpty { continue }
            let colour = SurvivalChart.colours[i % SurvivalChart.colours.count]
            let dash = SurvivalChart.dashes[i % SurvivalChart.dashes.count]
            // The band: upper edge forward, lower edge back, as steps.
            var upper: [(Double, Double)] = []
            var lower: [(Double, Double)] = []
            var previous: (Double?, Double?) = (0, 0)
            for (k, p) in s.steps.enumerated() {
                let end = k + 1 < s.steps.count ? s.steps[k + 1].time : (goesOn ? maximum : p.time)
                let low = p.low ?? previous.0 ?? p.reached
                let high = p.high ?? previous.1 ?? p.reached
                upper += [(p.time, high), (end, high)]
                lower += [(p.time, low), (end, low)]
                previous = (low, high)
            }
            let area = (upper + lower.reversed()).enumerated().map { k, point in
                (k == 0 ? "M" : "L") + SVGWriter.number(x(point.0)) + " " + SVGWriter.number(y(point.1))
            }.joined(separator: " ") + " Z"
            svg.path(area, fill: colour, opacity: 0.12)
            // The curve: from (0, 0), a horizontal run then a vertical step at each time.
            var d = "M" + SVGWriter.number(x(0)) + " " + SVGWriter.number(y(0))
            var level = 0.0
            for p in s.steps {
                d += " H" + SVGWriter.number(x(p.time))
                if p.reached != level { d += " V" + SVGWriter.number(y(p.reached)) }
                level = p.reached
            }
            if goesOn { d += " H" + SVGWriter.number(x(maximum)) }
            svg.path(d, stroke: colour, width: 2.2, dash: dash)
            for p in s.steps where p.censored {
                svg.line(x1: x(p.time), y1: y(p.reached) - 4, x2: x(p.time), y2: y(p.reached) + 4, stroke: colour, width: 1.2)
            }
        }

        // Legend: a line sample with the group's colour and pattern, and its label.
        for (i, s) in series.enumerated() {
            let rowY = legendTop + Double(i) * SurvivalChart.legendRow
            let colour = SurvivalChart.colours[i % SurvivalChart.colours.count]
            svg.line(x1: SurvivalChart.plotLeft, y1: rowY, x2: SurvivalChart.plotLeft + 44, y2: rowY, stroke: colour, width: 2.5,
                     dash: SurvivalChart.dashes[i % SurvivalChart.dashes.count])
            svg.text(s.label, x: SurvivalChart.plotLeft + 54, y: rowY + 4.5)
        }
        let censorY = legendTop + Double(series.count) * SurvivalChart.legendRow
        svg.line(x1: SurvivalChart.plotLeft + 22, y1: censorY - 5, x2: SurvivalChart.plotLeft + 22, y2: censorY + 5,
                 stroke: SurvivalChart.inkColour, width: 1.5)
        svg.text(censorLegend, x: SurvivalChart.plotLeft + 54, y: censorY + 4.5, fill: SurvivalChart.mutedColour)
        return svg.finish()
    }

    /// The time axis: a round step giving about six ticks over the longest curve.
    func axis() -> (maximum: Double, step: Double) {
        var largest = max(series.compactMap { $0.steps.last?.time }.max() ?? 0, target?.time ?? 0)
        if let window { largest = min(largest, window) }
        guard largest > 0, largest.isFinite else { return (5, 1) }
        let raw = largest / 6
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        let step = max(nice * magnitude, 1)
        return ((largest / step).rounded(.up) * step, step)
    }
}
