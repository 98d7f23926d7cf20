import SaksgangCore

/// One export file being written: records in UTF-8 go in, are transcoded to the file's
/// encoding, buffered, and go out plain or through gzip. Memory stays at the size of the
/// buffers, whatever the file's size.
final class ExportFile {
    let name: String
    let style: FileStyle
    let isXML: Bool
    private let sink: FileSink
    private let gzip: GzipWriter?
    private var pending: [UInt8] = []
    private(set) var uncompressedBytes: Int64 = 0
    private(set) var unencodableCharacters = 0
    /// Cases written (SMX `Sak` elements or SMC rows).
    var records = 0

    init(directory: String, name: String, style: FileStyle, isXML: Bool, gzipLevel: Int32) throws(SaksgangError) {
        self.name = name
        self.style = style
        self.isXML = isXML
        sink = try FileSink(path: directory + "/" + name)
        gzip = style.compression == .none ? nil : try GzipWriter(sink: sink, level: gzipLevel)
        pending.reserveCapacity(1 << 18)
        pending.append(contentsOf: style.encoding.preamble)
    }

    var lineEnding: [UInt8] { style.lineEnding.bytes }

    /// Appends a record (UTF-8) in the file's encoding.
    func write(_ record: RecordBuffer) throws(SaksgangError) {
        unencodableCharacters += style.encoding.encode(record.bytes, into: &pending, xml: isXML)
        if pending.count >= 1 << 18 { try flush() }
    }

    /// Ends the current gzip member and starts another (multi-member files only).
    func startNewMember() throws(SaksgangError) {
        guard style.compression == .multiMemberGzip, let gzip else { return }
        try flush()
        try gzip.startNewMember()
    }

    var members: Int { gzip?.members ?? 0 }

    /// Completes the file; returns the bytes on disk.
    func close() throws(SaksgangError) -> Int64 {
        try flush()
        if let gzip { try gzip.close() } else { try sink.close() }
        return sink.bytesWritten
    }

    private func flush() throws(SaksgangError) {
        guard !pending.isEmpty else { return }
        uncompressedBytes += Int64(pending.count)
        if let gzip { try gzip.write(pending) } else { try sink.write(pending) }
        pending.removeAll(keepingCapacity: true)
    }
}
