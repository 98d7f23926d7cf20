import Foundation
import SaksgangCore

/// Writes `truth.json` beside the exports, incrementally: the run's arguments, the planted
/// effects, one line per case with its true canonical values (and its raw identities, so a
/// leak test knows what to look for), the files, aggregate counts and a de-duplicated list
/// of every personal value written into any export. Cases are never held: each is written as
/// it is made; personal values go to a side file (de-duplicated by a 64-bit hash) that is
/// copied in at the end.
final class TruthWriter {
    private let sink: FileSink
    private let personalSink: FileSink?
    private let personalPath: String
    private var seen = Set<UInt64>()
    private var buffer = RecordBuffer(capacity: 1 << 16)
    private var personalBuffer = RecordBuffer(capacity: 1 << 16)
    private let withCases: Bool
    private var casesWritten = 0
    private var personalCount = 0
    var bytes: Int64 { sink.bytesWritten }

    init(directory: String, header: [UInt8], withCases: Bool) throws(SaksgangError) {
        sink = try FileSink(path: directory + "/truth.json")
        self.withCases = withCases
        personalPath = directory + "/.truth-personal-values"
        personalSink = withCases ? try FileSink(path: personalPath) : nil
        buffer.append(header)
        if withCases { buffer.append(",\n\"cases\": [\n") }
    }

    /// Notes a personal value written into an export.
    func personal(_ value: String?) {
        guard withCases, let value, !value.isEmpty else { return }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in value.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        guard seen.insert(h).inserted else { return }
        if personalCount > 0 { personalBuffer.append(",\n") }
        personalBuffer.appendJSON(value)
        personalCount += 1
    }

    func writeCase(_ record: RecordBuffer) throws(SaksgangError) {
        guard withCases else { return }
        if casesWritten > 0 { buffer.append(",\n") }
        buffer.append(record.bytes)
        casesWritten += 1
        try flushIfFull()
    }

    private func flushIfFull() throws(SaksgangError) {
        if buffer.bytes.count >= 1 << 16 {
            try sink.write(buffer.bytes)
            buffer.removeAll()
        }
        if personalBuffer.bytes.count >= 1 << 16, let personalSink {
            try personalSink.write(personalBuffer.bytes)
            personalBuffer.removeAll()
        }
    }

    /// Writes the closing parts (`tail` holds `"files"` and `"summary"`) and the personal
    /// values, and completes the file.
    func finish(tail: [UInt8]) throws(SaksgangError) {
        if withCases { buffer.append("\n]") }
        buffer.append(",\n")
        buffer.append(tail)
        if withCases, let personalSink {
            try personalSink.write(personalBuffer.bytes)
            personalBuffer.removeAll()
            try personalSink.close()
            buffer.append(",\n\"personal_values\": [\n")
            try sink.write(buffer.bytes)
            buffer.removeAll()
            guard let input = fopen(personalPath, "rb") else {
                throw SaksgangError(.ioError, "cannot reopen personal values", at: .init(file: "truth.json"))
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 1 << 16, input) }
                if n <= 0 { break }
                try sink.write(chunk, count: n)
            }
            fclose(input)
            unlink(personalPath)
            buffer.append("\n]")
        }
        buffer.append("\n}\n")
        try sink.write(buffer.bytes)
        try sink.close()
    }
}
