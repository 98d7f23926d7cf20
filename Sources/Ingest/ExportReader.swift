import Foundation
import SaksgangCore

/// Reads one export file by a compiled mapping: byte source (plain or gzip), the XML or CSV
/// reader, the record mapper. Each record comes out as a case or as the error that rejects
/// it; a failure of the file itself (truncated gzip, broken XML, a missing column) is thrown
/// so that the caller can quarantine the file whole.
public struct ExportReader: Sendable {
    public let mapping: CompiledMapping
    public var limits: DecompressionLimits

    public init(mapping: CompiledMapping, limits: DecompressionLimits = .standard) {
        self.mapping = mapping
        self.limits = limits
    }

    /// What a file told us besides its records.
    public struct FileReport: Sendable {
        public var records = 0
        /// Problems with the file's shape that do not stop it (an unknown column).
        public var warnings: [SaksgangError] = []
    }

    /// Reads `path`; `observer` sees every raw byte read from disk (for the file hash).
    public func read(path: String, observer: ((UnsafeRawBufferPointer) -> Void)? = nil,
                     onRecord: (Result<IdentifiedCase, SaksgangError>) throws -> Void) throws -> FileReport {
        let fileName = String(path.split(separator: "/").last ?? Substring(path))
        let here = SaksgangError.Location(file: fileName)
        let source: any ByteSource
        do { source = try ByteSources.open(path: path, limits: limits, observer: observer) } catch { throw error.inFile(fileName) }
        let fileValues = mapping.fileValues(fileName: fileName)
        let mapper = RecordMapper(mapping)
        var report = FileReport()

        // Three stages on three threads, joined by bounded pipes: reading (decompression,
        // parsing) on one, mapping (code tables, dates, checks) on another, the caller's work
        // (pseudonymising, storing) on this one. Records keep their order.
        XMLRecordReader.prepareLibrary()
        let rawPipe = BatchPipe<RawRecord>()
        let pipe = BatchPipe<IdentifiedCase>()
        let handoff = Handoff(value: source)
        let mapping = self.mapping
        let reader = Thread {
            var batch: BatchPipe<RawRecord>.Batch = []
            batch.reserveCapacity(Self.batchSize)
            func emit(_ raw: Result<RawRecord, SaksgangError>) throws {
                batch.append(raw)
                if batch.count >= Self.batchSize {
                    try rawPipe.push(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            do {
                var warnings: [SaksgangError] = []
                switch mapping.spec.format {
                case .xml: try XMLRecordReader(plan: mapping.xmlPlan!).read(handoff.value) { try emit(.success($0)) }
                case .csv: warnings = try Self.readCSV(mapping, handoff.value, deliver: emit)
                }
                try rawPipe.push(batch)
                rawPipe.finish(warnings: warnings, error: nil)
            } catch {
                // Records read before the failure still reach the caller (who rolls the file
                // back, but names them).
                try? rawPipe.push(batch)
                rawPipe.finish(warnings: [], error: error)
            }
        }
        let mapperThread = Thread {
            var fill = FieldFill(mapping)
            var cancelled: Error?
            do {
                while let raws = rawPipe.pop() {
                    var batch: BatchPipe<IdentifiedCase>.Batch = []
                    batch.reserveCapacity(raws.count)
                    for raw in raws {
                        switch raw {
                        case .success(let r):
                            fill.add(r, fileValues: fileValues)
                            do throws(SaksgangError) {
                                batch.append(.success(try mapper.map(r, fileValues: fileValues)))
                            } catch {
                                batch.append(.failure(error.at(here)))
                            }
                        case .failure(let e):
                            batch.append(.failure(e.at(here)))
                        }
                    }
                    try pipe.push(batch)
                }
            } catch {
                // The caller gave up: stop the reader too.
                cancelled = error
                rawPipe.cancel()
            }
            rawPipe.waitUntilProducerDone()
            if let cancelled {
                pipe.finish(warnings: [], error: cancelled)
            } else if let failure = rawPipe.failure {
                pipe.finish(warnings: [], error: failure)
            } else {
                var warnings = rawPipe.warnings
                let missing = Set(warnings.filter { $0.code == .csvMissingColumn }.compactMap(\.location.field))
                warnings += fill.emptyFieldWarnings(skipping: missing)
                pipe.finish(warnings: warnings, error: nil)
            }
        }
        reader.stackSize = 8 << 20
        mapperThread.stackSize = 8 << 20
        reader.start()
        mapperThread.start()
        do {
            while let batch = pipe.pop() {
                for r in batch {
                    report.records += 1
                    try onRecord(r)
                }
            }
        } catch {
            pipe.cancel()
            pipe.waitUntilProducerDone()
            throw error
        }
        pipe.waitUntilProducerDone()
        if let failure = pipe.failure {
            if let e = failure as? SaksgangError { throw e.inFile(fileName) }
            throw failure
        }
        report.warnings = pipe.warnings.map { $0.at(here) }
        return report
    }

    /// Records handed between the threads at a time.
    static let batchSize = 256

    /// Reads the rows; returns warnings about the header (missing optional or unknown columns).
    static func readCSV(_ mapping: CompiledMapping, _ source: any ByteSource,
                                deliver: (Result<RawRecord, SaksgangError>) throws -> Void) throws -> [SaksgangError] {
        var warnings: [SaksgangError] = []
        var options = CSVOptions()
        if let d = mapping.spec.delimiter?.utf8.first { options.delimiter = d }
        switch mapping.spec.encoding?.lowercased() {
        case "utf-8", "utf8": options.encoding = .utf8
        case "windows-1252", "cp1252": options.encoding = .windows1252
        default: options.encoding = .auto
        }
        let csv = try CSVReader(source: source, options: options)
        var index: [String: Int] = [:]
        for (i, name) in csv.header.enumerated() where index[name] == nil { index[name] = i }
        var columnOf: [Int?] = []
        for (slot, name) in mapping.csvColumns.enumerated() {
            let i = index[name]
            if i == nil {
                if mapping.requiredSlots.contains(slot) {
                    throw SaksgangError(.csvMissingColumn, "the required column '\(name)' is missing from the header",
                                        at: .init(line: 1, field: name))
                }
                warnings.append(SaksgangError(.csvMissingColumn, "the column '\(name)' is missing: its values are unknown",
                                                     at: .init(line: 1, field: name)))
            }
            columnOf.append(i)
        }
        let known = Set(mapping.csvColumns).union(mapping.spec.ignore ?? [])
        // Named by position, never by its text: a file without a header line has a data row
        // there, and its "column names" would be a pupil's name and number.
        for (i, name) in csv.header.enumerated() where !known.contains(name) {
            warnings.append(SaksgangError(.mapping, "column \(i + 1) of the header is not in the mapping and was not read",
                                          at: .init(line: 1, field: "column \(i + 1)")))
        }
        let width = csv.header.count
        var sizes = RawRecord.Sizes()
        while try csv.nextRow() {
            let position = RecordPosition(record: csv.rowNumber, line: csv.rowLine, byteOffset: csv.rowByteOffset)
            if csv.fieldCount != width {
                try deliver(.failure(SaksgangError(.csvColumnCount, "the row has \(csv.fieldCount) fields where the header has \(width)",
                                                   at: .init(line: position.line, byteOffset: position.byteOffset, record: position.record))))
                continue
            }
            var raw = RawRecord(slotCount: columnOf.count, groupSlotCounts: [], position: position, sizes: sizes)
            for (slot, column) in columnOf.enumerated() {
                if let column, !csv.isEmpty(at: column) { raw.append(slot: slot) { csv.appendUTF8(at: column, to: &$0) } }
            }
            sizes = raw.sizes
            try deliver(.success(raw))
        }
        return warnings
    }
}

extension SaksgangError {
    /// The error located in `fileName`: a byte source may have named the file by its whole
    /// path, which is not the file's name in quarantine lines and logs.
    fileprivate func inFile(_ fileName: String) -> SaksgangError {
        var copy = self
        copy.location.file = fileName
        return copy
    }
}
