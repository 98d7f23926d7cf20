import Ingest
import SaksgangCore

/// One reading of a CSV input: the header, every row's fields and the error that ended it.
public struct CSVReading: Equatable {
    public var header: [String] = []
    public var rows: [[String]] = []
    public var error: SaksgangError.Code?
    public var encoding: CSVEncoding?

    /// Caps small enough that the field and record limits are reachable from a 64 KiB input.
    public static func options(initialBuffer: Int) -> CSVOptions {
        CSVOptions(delimiter: UInt8(ascii: ";"), encoding: .auto, maxFieldBytes: 4096,
                   maxRecordBytes: 16384, initialBufferBytes: initialBuffer)
    }

    /// Reads `bytes` fed `inputChunk` bytes at a time into a reader whose buffer starts at
    /// `initialBuffer` bytes; asks for every field, and checks `isEmpty(at:)` and
    /// `fieldCount` against the strings.
    public init(_ bytes: [UInt8], inputChunk: Int, initialBuffer: Int) {
        var header: [String] = []
        var rows: [[String]] = []
        var encoding: CSVEncoding?
        error = FuzzInput.outcome {
            let csv = try CSVReader(source: MemoryByteSource(bytes, maxChunk: inputChunk),
                                    options: CSVReading.options(initialBuffer: initialBuffer))
            header = csv.header
            var lastLine = 0
            while try csv.nextRow() {
                guard csv.rowLine > lastLine else { FuzzInput.finding("CSV row lines do not increase") }
                lastLine = csv.rowLine
                var row: [String] = []
                for i in 0..<csv.fieldCount {
                    let value = csv.string(at: i)
                    guard csv.isEmpty(at: i) == value.isEmpty else { FuzzInput.finding("CSV isEmpty(at:) disagrees with string(at:)") }
                    row.append(value)
                }
                guard csv.string(at: csv.fieldCount).isEmpty, csv.isEmpty(at: -1) else {
                    FuzzInput.finding("CSV out-of-range field is not empty")
                }
                guard row.count == csv.fieldCount, row == csv.strings() else { FuzzInput.finding("CSV strings() disagrees") }
                rows.append(row)
            }
            encoding = csv.encoding
        }?.code
        self.header = header
        self.rows = rows
        self.encoding = encoding
    }
}
