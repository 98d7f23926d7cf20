/// A small SVG vocabulary (lines, rectangles, text) over `MarkupWriter`: coordinates are
/// written with at most two decimals and a `.` whatever the locale, and the result is
/// well-formed XML that can be pasted out of the report into another document.
struct SVGWriter {
    private(set) var markup = MarkupWriter()
    let width: Double
    let height: Double

    /// Opens `<svg>` with a title and description for screen readers (`aria-labelledby`).
    init(width: Double, height: Double, id: String, title: String, description: String) {
        self.width = width
        self.height = height
        markup.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", "0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))"),
            ("width", SVGWriter.number(width)),
            ("role", "img"),
            ("aria-labelledby", "\(id)-title \(id)-desc"),
            ("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif"),
            ("font-size", "13"),
        ])
        markup.element("title", [("id", "\(id)-title")], text: title)
        markup.element("desc", [("id", "\(id)-desc")], text: description)
    }

    static func number(_ value: Double) -> String {
        NumberText.fixed(value, decimals: 2, trimmingZeros: true)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                       width: Double = 1, dash: String? = nil) {
        var attributes: [(StaticString, String)] = [
            ("x1", SVGWriter.number(x1)), ("y1", SVGWriter.number(y1)),
            ("x2", SVGWriter.number(x2)), ("y2", SVGWriter.number(y2)),
            ("stroke", stroke), ("stroke-width", SVGWriter.number(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        markup.empty("line", attributes, selfClosing: true)
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       stroke: String? = nil, dash: String? = nil) {
        var attributes: [(StaticString, String)] = [
            ("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)),
            ("width", SVGWriter.number(max(0, width))), ("height", SVGWriter.number(max(0, height))),
            ("fill", fill),
        ]
        if let stroke { attributes.append(("stroke", stroke)) }
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        markup.empty("rect", attributes, selfClosing: true)
    }

    /// A path (`d` in absolute commands), stroked or filled.
    mutating func path(_ d: String, stroke: String? = nil, width: Double = 1, fill: String = "none",
                       opacity: Double? = nil, dash: String? = nil) {
        var attributes: [(StaticString, String)] = [("d", d), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", SVGWriter.number(width))] }
        if let opacity { attributes.append(("fill-opacity", SVGWriter.number(opacity))) }
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        markup.empty("path", attributes, selfClosing: true)
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ text: String, x: Double, y: Double, anchor: Anchor = .start,
                       fill: String = "#1f2933", weight: String? = nil, italic: Bool = false,
                       size: Double? = nil) {
        var attributes: [(StaticString, String)] = [
            ("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)),
            ("text-anchor", anchor.rawValue), ("fill", fill),
        ]
        if let weight { attributes.append(("font-weight", weight)) }
        if italic { attributes.append(("font-style", "italic")) }
        if let size { attributes.append(("font-size", SVGWriter.number(size))) }
        markup.element("text", attributes, text: text)
    }

    /// Closes `<svg>` and returns the finished markup, ready to append to a page.
    mutating func finish() -> MarkupWriter {
        markup.close("svg")
        return markup
    }
}
