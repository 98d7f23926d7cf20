import Foundation

/// Horizontal bars with 95 % interval whiskers, one row per group, on a linear axis from 0
/// with round ticks; a dashed line marks the value for all cases. A withheld group keeps
/// its row and label and says so, with no bar, so a gap is not read as zero.
struct IntervalChart {
    enum RowValue {
        case value(estimate: Double, low: Double?, high: Double?, text: String)
        case withheld
        case missing
    }

    struct Row {
        var label: String
        var value: RowValue
        /// The interval in words ("40–48 %"), for the chart's table of values.
        var interval: String? = nil
    }

    var id: String
    var title: String
    var description: String
    var rows: [Row]
    var axisTitle: String
    /// The value for all cases, with its label ("Alle: 2,0").
    var reference: (value: Double, label: String)?
    /// A fixed axis end (1 for shares); nil to fit the data.
    var fixedMaximum: Double?
    var tickLabel: (Double) -> String
    var withheldText: String
    var withheldMark: String
    var missingText: String

    // Layout, in SVG user units.
    static let width = 760.0
    static let labelRight = 262.0
    static let plotLeft = 276.0
    static let plotRight = 672.0
    static let valueRight = 754.0
    static let top = 26.0
    static let rowHeight = 32.0
    static let barHeight = 14.0

    static let barColour = "#3d6f9c"
    static let inkColour = "#1f2933"
    static let gridColour = "#d5dbe1"
    static let bandColour = "#f3f5f7"
    static let referenceColour = "#b4531a"
    static let mutedColour = "#66717d"

    func svg() -> MarkupWriter {
        let plotHeight = Double(rows.count) * IntervalChart.rowHeight
        let height = IntervalChart.top + plotHeight + 56
        var svg = SVGWriter(width: IntervalChart.width, height: height, id: id, title: title,
                            description: description)
        let (maximum, step) = axis()
        func x(_ v: Double) -> Double {
            let clamped = min(max(v, 0), maximum)
            return IntervalChart.plotLeft + clamped / maximum * (IntervalChart.plotRight - IntervalChart.plotLeft)
        }
        let bottom = IntervalChart.top + plotHeight

        // Alternate row bands, then the grid, so bars draw on top.
        for i in rows.indices where i % 2 == 1 {
            svg.rect(x: 0, y: IntervalChart.top + Double(i) * IntervalChart.rowHeight,
                     width: IntervalChart.width, height: IntervalChart.rowHeight, fill: IntervalChart.bandColour)
        }
        var tick = 0.0
        while tick <= maximum + step / 1000 {
            svg.line(x1: x(tick), y1: IntervalChart.top, x2: x(tick), y2: bottom + 4,
                     stroke: IntervalChart.gridColour)
            svg.text(tickLabel(tick), x: x(tick), y: bottom + 18, anchor: .middle,
                     fill: IntervalChart.mutedColour, size: 12)
            tick += step
        }
        svg.line(x1: IntervalChart.plotLeft, y1: bottom, x2: IntervalChart.plotRight, y2: bottom,
                 stroke: IntervalChart.inkColour)
        svg.text(axisTitle, x: (IntervalChart.plotLeft + IntervalChart.plotRight) / 2, y: bottom + 42,
                 anchor: .middle, fill: IntervalChart.inkColour, size: 12)

        for (i, row) in rows.enumerated() {
            let rowTop = IntervalChart.top + Double(i) * IntervalChart.rowHeight
            let centre = rowTop + IntervalChart.rowHeight / 2
            svg.text(row.label, x: IntervalChart.labelRight, y: centre + 4.5, anchor: .end)
            switch row.value {
            case let .value(estimate, low, high, text):
                svg.rect(x: x(0), y: centre - IntervalChart.barHeight / 2, width: x(estimate) - x(0),
                         height: IntervalChart.barHeight, fill: IntervalChart.barColour)
                if low != nil || high != nil {
                    let lo = x(low ?? 0)
                    let hi = high.map(x) ?? IntervalChart.plotRight
                    svg.line(x1: lo, y1: centre, x2: hi, y2: centre, stroke: IntervalChart.inkColour, width: 1.5)
                    if low != nil {
                        svg.line(x1: lo, y1: centre - 6, x2: lo, y2: centre + 6, stroke: IntervalChart.inkColour, width: 1.5)
                    }
                    if high != nil {
                        svg.line(x1: hi, y1: centre - 6, x2: hi, y2: centre + 6, stroke: IntervalChart.inkColour, width: 1.5)
                    }
                }
                svg.text(text, x: IntervalChart.valueRight, y: centre + 4.5, anchor: .end, weight: "600")
            case .withheld:
                svg.rect(x: x(0), y: centre - IntervalChart.barHeight / 2,
                         width: IntervalChart.plotRight - IntervalChart.plotLeft, height: IntervalChart.barHeight,
                         fill: "none", stroke: IntervalChart.gridColour, dash: "4 3")
                svg.text(withheldText, x: x(0) + 8, y: centre + 4.5, fill: IntervalChart.mutedColour, italic: true)
                svg.text(withheldMark, x: IntervalChart.valueRight, y: centre + 4.5, anchor: .end,
                         fill: IntervalChart.mutedColour)
            case .missing:
                svg.text(missingText, x: x(0) + 8, y: centre + 4.5, fill: IntervalChart.mutedColour, italic: true)
            }
        }

        if let reference {
            let rx = x(reference.value)
            svg.line(x1: rx, y1: IntervalChart.top - 4, x2: rx, y2: bottom, stroke: IntervalChart.referenceColour,
                     width: 1.5, dash: "5 4")
            svg.text(reference.label, x: rx, y: IntervalChart.top - 9, anchor: .middle,
                     fill: IntervalChart.referenceColour, size: 12)
        }
        return svg.finish()
    }

    /// The axis end and tick step: fixed, or a round step (1, 2, 2.5 or 5 × 10ⁿ) giving about
    /// five ticks over the largest value or interval end.
    func axis() -> (maximum: Double, step: Double) {
        if let fixedMaximum { return (fixedMaximum, fixedMaximum / 5) }
        var largest = reference?.value ?? 0
        for row in rows {
            if case let .value(estimate, _, high, _) = row.value { largest = max(largest, high ?? estimate, estimate) }
        }
        guard largest > 0, largest.isFinite else { return (5, 1) }
        let raw = largest / 5
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        let step = nice * magnitude
        return ((largest / step).rounded(.up) * step, step)
    }
}
