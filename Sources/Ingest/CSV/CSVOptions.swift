/// How to read a CSV file: its delimiter, encoding and the size caps that keep a hostile
/// file (one gigantic field, no line breaks) from exhausting memory.
public struct CSVOptions: Sendable, Equatable {
    /// The field separator; SMC uses `;`. Must not be `"`, CR, LF or NUL.
    public var delimiter: UInt8
    public var encoding: CSVEncoding
    /// The largest field, in raw bytes including quotes (`.csvFieldTooLarge` beyond it).
    public var maxFieldBytes: Int
    /// The largest record, in raw bytes (`.csvFieldTooLarge` beyond it).
    public var maxRecordBytes: Int
    /// The reader's starting buffer; it grows (to about twice `maxRecordBytes` at most) when
    /// a record does not fit. Small values are for tests of records across buffer edges.
    public var initialBufferBytes: Int

    public init(delimiter: UInt8 = UInt8(ascii: ";"), encoding: CSVEncoding = .auto,
                maxFieldBytes: Int = 1 << 20, maxRecordBytes: Int = 8 << 20,
                initialBufferBytes: Int = 256 * 1024) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = maxRecordBytes
        self.initialBufferBytes = initialBufferBytes
    }
}
