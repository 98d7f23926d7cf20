/// Field access for the current row: strings are made only here, on demand, with quotes
/// unescaped and the bytes decoded to UTF-8.
extension CSVReader {
    /// The field at `index` (0-based) of the current row as a String; "" if out of range.
    public func string(at index: Int) -> String {
        withUTF8(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends the UTF-8 bytes of the field at `index` to `output` (nothing if out of range):
    /// what `string(at:)` would hold, without making the String.
    func appendUTF8(at index: Int, to output: inout [UInt8]) {
        withUTF8(at: index) { output.append(contentsOf: $0) }
    }

    /// `body` of the field's value as UTF-8 bytes (quotes unescaped, transcoded), valid only
    /// during the call; an out-of-range field is empty.
    private func withUTF8<T>(at index: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        guard index >= 0 && index < spans.count else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let span = spans[index]
        let raw = UnsafeRawBufferPointer(start: buffer + span.start, count: span.end - span.start)
        guard span.quoted else { return decode(raw, body) }
        unescape(raw, into: &scratch)
        return scratch.withUnsafeBytes { decode($0, body) }
    }

    /// Whether the field at `index` is empty (an out-of-range field counts as empty).
    /// Cheaper than `string(at:).isEmpty`: no String is made.
    public func isEmpty(at index: Int) -> Bool {
        guard index >= 0 && index < spans.count else { return true }
        let span = spans[index]
        let length = span.end - span.start
        return span.quoted ? length == 2 : length == 0
    }

    /// All fields of the current row.
    public func strings() -> [String] {
        (0..<spans.count).map { string(at: $0) }
    }

    /// Removes the opening quote, collapses `""` inside quotes and drops the closing quote;
    /// text after the closing quote is kept as it is (Python's csv does the same).
    private func unescape(_ raw: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        let quote = CSVReader.quote
        var inQuotes = true
        var i = 1
        while i < raw.count {
            let byte = raw[i]
            if inQuotes && byte == quote {
                if i + 1 < raw.count && raw[i + 1] == quote {
                    output.append(quote)
                    i += 2
                } else {
                    inQuotes = false
                    i += 1
                }
                continue
            }
            output.append(byte)
            i += 1
        }
    }

    /// `body` of bytes already checked against the encoding, as UTF-8.
    private func decode<T>(_ raw: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        if decidedEncoding == .windows1252 && !isASCII(raw) {
            transcoded.removeAll(keepingCapacity: true)
            // Undefined bytes were refused when the bytes were read, so this cannot throw.
            try? Windows1252.appendUTF8(of: raw, to: &transcoded)
            return transcoded.withUnsafeBytes(body)
        }
        return body(raw)
    }

    private func isASCII(_ raw: UnsafeRawBufferPointer) -> Bool {
        for byte in raw where byte >= 0x80 { return false }
        return true
    }
}
