import SaksgangCore

/// A byte-level RFC 4180 reader: one record at a time, fields as byte ranges into a reused
/// buffer, a `String` made only for a field the caller asks for.
///
/// What it accepts (compared against Python's `csv` module in the tests):
/// - a configurable delimiter (default `;`); quoted fields holding the delimiter, `""` and
///   line breaks; CRLF, LF and lone CR line ends; a last line with or without a line end;
/// - blank lines, which are skipped (Python yields an empty row for them);
/// - a quote in the middle of an unquoted field, which is a literal character, and text
///   after a closing quote (`"ab"c` reads `abc`), both as Python's `csv` does by default.
///
/// What it refuses, with `SaksgangError` and a location (line, byte offset, record; the
/// caller adds the file name): end of data inside a quoted field (`.csvUnbalancedQuote`,
/// naming the line where the quote opened), a field or record over the size caps
/// (`.csvFieldTooLarge`), a NUL byte (`.nulByte`), bytes that are not valid in the file's
/// encoding anywhere in the file, even in fields never asked for (`.invalidEncoding`), a
/// one-column header that looks split by another delimiter (`.csvWrongDelimiter`) and an
/// empty file (`.emptyFile`). A header with no rows is not an error. A row with more or fewer
/// fields than the header is not an error here either: `fieldCount` tells, the mapping decides.
///
/// Positions: `rowLine` counts physical lines from 1 (the header is line 1, line breaks
/// inside quoted fields count; a lone CR inside a quoted field does not); `rowByteOffset`
/// is the offset in the byte stream the reader was given (after gzip decompression,
/// before transcoding, counting a BOM).
public final class CSVReader {
    public let options: CSVOptions
    /// Column names of the first line: BOM stripped, spaces and tabs around each trimmed.
    public private(set) var header: [String] = []
    /// Data rows returned so far; the current row's number (1 = first data row).
    public private(set) var rowNumber = 0
    /// The physical line (1-based) where the current row starts.
    public private(set) var rowLine = 0
    /// The byte offset in the stream where the current row starts.
    public private(set) var rowByteOffset: Int64 = 0
    /// Whether the file began with a UTF-8 byte order mark.
    public internal(set) var hadByteOrderMark = false

    /// The encoding in use. Under `.auto` it is `.utf8` until a byte ≥ 0x80 has been met
    /// (ASCII reads the same in both), so read it after the last row for the final verdict.
    public var encoding: CSVEncoding { decidedEncoding ?? .utf8 }

    /// Number of fields in the current row (may differ from the header's).
    public var fieldCount: Int { spans.count }

    // MARK: State shared with the extensions (buffering, fields).

    /// One field of the current row: raw bytes [start, end) in `buffer`, and whether it began
    /// with a quote (then it is unescaped when asked for).
    struct FieldSpan {
        var start: Int
        var end: Int
        var quoted: Bool
    }

    enum ParseOutcome {
        case record(next: Int, lineBreaks: Int, endedWithCR: Bool)
        case end
        case needMore(fieldStart: Int, lineBreaks: Int)
    }

    let source: any ByteSource
    var buffer: UnsafeMutablePointer<UInt8>
    var capacity: Int
    /// Bytes [0, dataEnd) of the buffer hold data read from the source.
    var dataEnd = 0
    /// Bytes [0, checkedEnd) passed the encoding check; the tokenizer never looks beyond.
    var checkedEnd = 0
    /// Where the next record starts.
    var cursor = 0
    /// Stream offset of buffer[0].
    var bufferOffset: Int64 = 0
    var sourceAtEnd = false
    /// Why the byte at `checkedEnd` is invalid in the encoding, once found. Thrown when the
    /// tokenizer reaches that byte, so that rows before it are still delivered and the error
    /// knows its line.
    var pendingEncodingError: String?
    /// The physical line at `cursor`.
    var line = 1
    /// The previous record ended with CR: an LF right after it belongs to that line end.
    var skipLF = false
    /// nil while `.auto` has seen only ASCII.
    var decidedEncoding: CSVEncoding?
    var spans: [FieldSpan] = []
    var scratch: [UInt8] = []
    var transcoded: [UInt8] = []
    /// Byte classes: [0, 256) outside quotes (delimiter, CR, LF, NUL are 1), [256, 512)
    /// inside quotes (quote, LF, NUL are 1).
    let classes: UnsafeMutablePointer<UInt8>

    static let quote = UInt8(ascii: "\"")
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A

    /// Reads the header line. Throws `.emptyFile` when there is no header, `.csvWrongDelimiter`
    /// when the header is one column that contains `,`, a tab, `;` or `|` other than the
    /// delimiter, and any reading error met on the way.
    public init(source: any ByteSource, options: CSVOptions = .init()) throws(SaksgangError) {
        let forbidden: [UInt8] = [CSVReader.quote, CSVReader.cr, CSVReader.lf, 0]
        guard !forbidden.contains(options.delimiter) else {
            throw SaksgangError(.configuration, "the CSV delimiter cannot be a quote, a line break or NUL")
        }
        self.source = source
        self.options = options
        capacity = max(16, options.initialBufferBytes)
        buffer = .allocate(capacity: capacity)
        classes = .allocate(capacity: 512)
        classes.initialize(repeating: 0, count: 512)
        for byte in [options.delimiter, CSVReader.cr, CSVReader.lf, 0] { classes[Int(byte)] = 1 }
        for byte in [CSVReader.quote, CSVReader.lf, 0] { classes[256 + Int(byte)] = 1 }

        try start()
        guard try readRecord(number: nil) else {
            throw SaksgangError(.emptyFile, "the file has no header line",
                                at: .init(line: line, byteOffset: bufferOffset + Int64(cursor)))
        }
        header = (0..<spans.count).map { trimmed(string(at: $0)) }
        try checkDelimiter()
    }

    deinit {
        buffer.deallocate()
        classes.deallocate()
    }

    /// Moves to the next data row; false at the end. The row is valid until the next call.
    public func nextRow() throws(SaksgangError) -> Bool {
        guard try readRecord(number: rowNumber + 1) else {
            spans.removeAll(keepingCapacity: true)
            return false
        }
        rowNumber += 1
        return true
    }

    /// Reads the next non-blank record into `spans`, refilling the buffer as needed.
    /// `number` is the data row number for error locations (nil for the header).
    func readRecord(number: Int?) throws(SaksgangError) -> Bool {
        while true {
            let end = checkedEnd
            let atEOF = sourceAtEnd && checkedEnd == dataEnd && pendingEncodingError == nil
            if skipLF {
                if cursor < end {
                    if buffer[cursor] == CSVReader.lf { cursor += 1 }
                    skipLF = false
                } else if atEOF {
                    skipLF = false
                } else {
                    try needMore(fieldStart: cursor, lineBreaks: 0, number: number)
                    continue
                }
            }
            switch try parseRecord(from: cursor, end: end, atEOF: atEOF, number: number) {
            case .end:
                return false
            case .needMore(let fieldStart, let lineBreaks):
                try needMore(fieldStart: fieldStart, lineBreaks: lineBreaks, number: number)
            case .record(let next, let lineBreaks, let endedWithCR):
                let startLine = line
                let startOffset = bufferOffset + Int64(cursor)
                if next - cursor > options.maxRecordBytes {
                    throw recordTooLarge(line: startLine, offset: startOffset, number: number)
                }
                line += lineBreaks
                skipLF = endedWithCR
                cursor = next
                if spans.count == 1 && spans[0].start == spans[0].end && !spans[0].quoted {
                    continue  // a blank line
                }
                rowLine = startLine
                rowByteOffset = startOffset
                return true
            }
        }
    }

    /// Tokenizes one record starting at `start`, looking no further than `end`. Fields go to
    /// `spans`. The hot loops read bytes through a pointer and a class table: no allocation
    /// and no bounds checks per byte.
    func parseRecord(from start: Int, end: Int, atEOF: Bool, number: Int?)
        throws(SaksgangError) -> ParseOutcome
    {
        var fields = spans
        spans = []
        fields.removeAll(keepingCapacity: true)
        defer { spans = fields }
        if start == end {
            return atEOF ? .end : .needMore(fieldStart: start, lineBreaks: 0)
        }
        let bytes = buffer
        let plain = classes
        let quoted = classes + 256
        let delimiter = options.delimiter
        let maxField = options.maxFieldBytes
        let quote = CSVReader.quote
        var i = start
        var breaks = 0
        while true {
            let fieldStart = i
            var isQuoted = false
            if i == end {
                // Only reached right after a delimiter: the last field is empty.
                guard atEOF else { return .needMore(fieldStart: fieldStart, lineBreaks: breaks) }
                fields.append(FieldSpan(start: i, end: i, quoted: false))
                return .record(next: i, lineBreaks: breaks, endedWithCR: false)
            }
            if bytes[i] == quote {
                isQuoted = true
                let openingBreaks = breaks
                i += 1
                while true {
                    while i < end && quoted[Int(bytes[i])] == 0 { i += 1 }
                    if i == end {
                        guard atEOF else { return .needMore(fieldStart: fieldStart, lineBreaks: breaks) }
                        throw SaksgangError(
                            .csvUnbalancedQuote,
                            "a quoted field opened on line \(line + openingBreaks) is not closed before the end of the file",
                            at: .init(line: line + openingBreaks,
                                      byteOffset: bufferOffset + Int64(fieldStart), record: number))
                    }
                    let byte = bytes[i]
                    if byte == quote {
                        if i + 1 == end {
                            guard atEOF else { return .needMore(fieldStart: fieldStart, lineBreaks: breaks) }
                            i += 1
                            break
                        }
                        if bytes[i + 1] == quote {
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    if byte == CSVReader.lf {
                        breaks += 1
                        i += 1
                        continue
                    }
                    throw nulByte(line: line + breaks, index: i, number: number)
                }
            }
            // Unquoted text, or text after a closing quote (kept literally).
            while i < end && plain[Int(bytes[i])] == 0 { i += 1 }
            if i - fieldStart > maxField {
                throw fieldTooLarge(line: line + breaks, index: fieldStart, number: number,
                                    field: fields.count + 1)
            }
            if i == end {
                guard atEOF else { return .needMore(fieldStart: fieldStart, lineBreaks: breaks) }
                fields.append(FieldSpan(start: fieldStart, end: i, quoted: isQuoted))
                return .record(next: i, lineBreaks: breaks, endedWithCR: false)
            }
            let byte = bytes[i]
            if byte == delimiter {
                fields.append(FieldSpan(start: fieldStart, end: i, quoted: isQuoted))
                i += 1
                continue
            }
            if byte == CSVReader.lf || byte == CSVReader.cr {
                fields.append(FieldSpan(start: fieldStart, end: i, quoted: isQuoted))
                return .record(next: i + 1, lineBreaks: breaks + 1, endedWithCR: byte == CSVReader.cr)
            }
            throw nulByte(line: line + breaks, index: i, number: number)
        }
    }

    /// The tokenizer ran out of checked bytes: report a pending encoding error or a size
    /// cap, else read more.
    func needMore(fieldStart: Int, lineBreaks: Int, number: Int?) throws(SaksgangError) {
        if let reason = pendingEncodingError {
            let offset = bufferOffset + Int64(checkedEnd)
            throw SaksgangError(.invalidEncoding,
                                "\(reason) on line \(line + lineBreaks) at byte offset \(offset)",
                                at: .init(line: line + lineBreaks, byteOffset: offset, record: number))
        }
        if checkedEnd - fieldStart > options.maxFieldBytes {
            throw fieldTooLarge(line: line + lineBreaks, index: fieldStart, number: number, field: nil)
        }
        if checkedEnd - cursor > options.maxRecordBytes {
            throw recordTooLarge(line: line, offset: bufferOffset + Int64(cursor), number: number)
        }
        try refill()
    }

    private func checkDelimiter() throws(SaksgangError) {
        guard header.count == 1, spans.count == 1 else { return }
        let candidates: [(UInt8, String)] = [
            (UInt8(ascii: ","), "','"), (UInt8(ascii: "\t"), "a tab"),
            (UInt8(ascii: ";"), "';'"), (UInt8(ascii: "|"), "'|'"),
        ]
        let span = spans[0]
        let raw = UnsafeBufferPointer(start: buffer + span.start, count: span.end - span.start)
        for (byte, name) in candidates where byte != options.delimiter && raw.contains(byte) {
            throw SaksgangError(
                .csvWrongDelimiter,
                "the header has one column containing \(name): the file seems to use another delimiter than '\(Character(Unicode.Scalar(options.delimiter)))'",
                at: .init(line: rowLine, byteOffset: rowByteOffset))
        }
    }

    private func trimmed(_ name: String) -> String {
        var scalars = Substring(name).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private func nulByte(line: Int, index: Int, number: Int?) -> SaksgangError {
        let offset = bufferOffset + Int64(index)
        return SaksgangError(.nulByte, "NUL byte on line \(line) at byte offset \(offset)",
                             at: .init(line: line, byteOffset: offset, record: number))
    }

    private func fieldTooLarge(line: Int, index: Int, number: Int?, field: Int?) -> SaksgangError {
        let offset = bufferOffset + Int64(index)
        let which = field.map { "field \($0)" } ?? "a field"
        return SaksgangError(.csvFieldTooLarge,
                             "\(which) on line \(line) exceeds \(options.maxFieldBytes) bytes",
                             at: .init(line: line, byteOffset: offset, record: number))
    }

    private func recordTooLarge(line: Int, offset: Int64, number: Int?) -> SaksgangError {
        SaksgangError(.csvFieldTooLarge,
                      "the record starting on line \(line) exceeds \(options.maxRecordBytes) bytes",
                      at: .init(line: line, byteOffset: offset, record: number))
    }
}
