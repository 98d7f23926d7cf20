/// Builds HTML and SVG text with every piece of data escaped. Text and attribute values go
/// through `escape`; the only unescaped text is a `StaticString`, i.e. written in this
/// source code (the doctype, the stylesheet), never a value from the data.
struct MarkupWriter {
    private(set) var output = ""

    /// Escapes the five characters with a meaning in HTML and XML, in text and in attribute
    /// values alike (`'` too, so a value is safe in either kind of quotes).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML 1.0.
                if scalar.value < 0x20, scalar != "\t", scalar != "\n" {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `<name a="v">`.
    mutating func open(_ name: StaticString, _ attributes: [(StaticString, String)] = []) {
        output += "<\(name)"
        appendAttributes(attributes)
        output += ">"
    }

    mutating func close(_ name: StaticString) {
        output += "</\(name)>"
    }

    /// `<name a="v">text</name>`, the text escaped.
    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String)] = [], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// An element with content written by `body`.
    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String)] = [],
                          body: (inout MarkupWriter) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    /// An element with no content: `<meta …>` in HTML (`selfClosing: false`), `<line …/>` in SVG.
    mutating func empty(_ name: StaticString, _ attributes: [(StaticString, String)] = [], selfClosing: Bool) {
        output += "<\(name)"
        appendAttributes(attributes)
        output += selfClosing ? "/>" : ">"
    }

    /// Text content, escaped.
    mutating func text(_ text: String) {
        output += MarkupWriter.escape(text)
    }

    /// Markup written in this source code. It takes a `StaticString` so no data can reach it.
    mutating func trusted(_ markup: StaticString) {
        output += "\(markup)"
    }

    /// Appends what another writer built (an SVG chart): it was escaped as it was written.
    mutating func append(_ other: MarkupWriter) {
        output += other.output
    }

    mutating func newline() {
        output += "\n"
    }

    private mutating func appendAttributes(_ attributes: [(StaticString, String)]) {
        for (name, value) in attributes {
            output += " \(name)=\""
            output += MarkupWriter.escape(value)
            output += "\""
        }
    }
}
