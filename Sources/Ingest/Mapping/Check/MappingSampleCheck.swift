import Foundation
import SaksgangCore

/// Reads sample exports through the real readers and the mapping, without storing anything,
/// and says per canonical field how many records had a value and which codes it became, so
/// that a person writing a mapping sees a typo in a path, a missing code or a wrong record
/// path before the first run. Only counts, canonical codes and code-like vendor codes of
/// code fields appear in its results: never a personal value.
public struct MappingSampleCheck: Sendable {
    public struct FileResult: Sendable {
        public var name: String
        public var records = 0
        /// Records the mapping read into a case.
        public var mapped = 0
        /// The file could not be read as a whole (its error, positions and codes only).
        public var failure: SaksgangError?
    }

    public private(set) var files: [FileResult] = []
    public private(set) var problems: [MappingProblem] = []
    /// Records a run would quarantine: by reason code and field.
    public private(set) var rejections: [String: Int] = [:]
    var tallies: [ValueTally] = []
    private var tallySources: [(kind: TallySource, table: [String: String?]?)] = []
    let mapping: CompiledMapping
    let mappingFile: String
    let lines: [String: Int]

    enum TallySource: Sendable {
        case field(CompiledMapping.ValueSource)
        case eventKind(Int, CompiledMapping.ValueSource)
        case eventTime(Int, CompiledMapping.ValueSource)
        case eventAttribute(Int, CompiledMapping.ValueSource)
        case closing(CompiledMapping.ValueSource)
        case exportTime(CompiledMapping.ValueSource)
    }

    /// Reads every sample through `document`'s compiled mapping.
    public init(document: MappingDocument, samples: [String], limits: DecompressionLimits = .standard) {
        mapping = document.compiled!
        mappingFile = document.file
        lines = document.lines
        prepare()
        for path in samples { read(path, limits: limits) }
        conclude()
    }

    public var records: Int { files.reduce(0) { $0 + $1.records } }
    public var mappedRecords: Int { files.reduce(0) { $0 + $1.mapped } }

    private mutating func prepare() {
        let spec = mapping.spec
        func add(_ label: String, _ domain: ValueDomain, _ source: TallySource, _ s: CompiledMapping.ValueSource) {
            tallies.append(ValueTally(label: label, domain: domain, hasTable: s.codes != nil))
            tallySources.append((source, s.codes))
        }
        for f in CanonicalField.allCases {
            guard let s = mapping.fields[f] else { continue }
            add(f.rawValue, f.domain, .field(s), s)
        }
        add("export_time", .time, .exportTime(mapping.exportTime), mapping.exportTime)
        for (i, e) in mapping.events.enumerated() {
            let name = "events[\(i + 1)] (\(spec.events?[i].from ?? e.fixedKind ?? "one per record"))"
            if let k = e.kind { add("\(name) kind", .eventKind, .eventKind(i, k), k) }
            add("\(name) time", .time, .eventTime(i, e.time), e.time)
            for (a, s) in e.attributes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                add("\(name) \(a.rawValue)", a.domain, .eventAttribute(i, s), s)
            }
        }
        if let t = mapping.closingTime { add("closing time", .time, .closing(t), t) }
        if let r = mapping.closingReason { add("closing reason", .closingReason, .closing(r), r) }
    }

    private mutating func read(_ path: String, limits: DecompressionLimits) {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        var result = FileResult(name: name)
        let fileValues = mapping.fileValues(fileName: name)
        let mapper = RecordMapper(mapping)
        do {
            let source = try ByteSources.open(path: path, limits: limits, observer: nil)
            var warnings: [SaksgangError] = []
            func take(_ raw: Result<RawRecord, SaksgangError>) {
                result.records += 1
                switch raw {
                case .failure(let e):
                    rejections["\(e.code) \(e.location.field ?? "")", default: 0] += 1
                case .success(let r):
                    tally(r, fileValues: fileValues)
                    do {
                        _ = try mapper.map(r, fileValues: fileValues)
                        result.mapped += 1
                    } catch {
                        rejections["\(error.code) \(error.location.field ?? "")", default: 0] += 1
                    }
                }
            }
            switch mapping.spec.format {
            case .xml:
                XMLRecordReader.prepareLibrary()
                try XMLRecordReader(plan: mapping.xmlPlan!).read(source) { take(.success($0)) }
            case .csv:
                warnings = try ExportReader.readCSV(mapping, source) { take($0) }
            }
            for w in warnings {
                problems.append(MappingProblem(.warning, "\(name): \(w.message)", file: mappingFile, key: w.location.field))
            }
            if result.records == 0 {
                problems.append(MappingProblem(.warning, "\(name): no record was read from this sample", file: mappingFile))
            }
        } catch let e as SaksgangError {
            var e = e
            e.location.file = name
            result.failure = e
            if e.code == .recordPathUnmatched {
                problems.append(MappingProblem(.warning, "\(name): \(e.message)", file: mappingFile, line: lines["record"], key: "record"))
            } else {
                problems.append(MappingProblem(.error, "\(name) cannot be read: \(e.code): \(e.message)"
                                               + (e.location.description.isEmpty ? "" : " (\(e.location.description))"), file: mappingFile))
            }
        } catch {
            result.failure = SaksgangError(.ioError, "the file could not be read", at: .init(file: name))
            problems.append(MappingProblem(.error, "\(name) cannot be read", file: mappingFile))
        }
        files.append(result)
    }

    private mutating func tally(_ raw: RawRecord, fileValues: [String?]) {
        let reader = ValueReader(raw: raw, fileValues: fileValues)
        for (i, (source, table)) in tallySources.enumerated() {
            switch source {
            case .field(let s), .closing(let s), .exportTime(let s):
                tallies[i].add(reader.values(s), table: table)
            case .eventKind(let e, let s), .eventTime(let e, let s), .eventAttribute(let e, let s):
                guard let group = mapping.events[e].group else {
                    tallies[i].add(reader.values(s), table: table)
                    continue
                }
                var values: [String] = []
                for item in raw.groupItems where item.group == group {
                    reader.groupItem = item.base
                    values += reader.values(s)
                }
                reader.groupItem = nil
                // Counted per record: a record with any value; codes per occurrence.
                tallies[i].add(values, table: table)
            }
        }
    }

    private mutating func conclude() {
        let read = files.filter { $0.failure == nil }.reduce(0) { $0 + $1.records }
        guard read > 0 else { return }
        for t in tallies {
            let key = String(t.label.split(separator: " ").first ?? "")
            let line = lines[key]
            if t.present == 0 {
                problems.append(MappingProblem(.warning, "'\(t.label)' is empty in every record of the samples: is its 'from' right?",
                                               file: mappingFile, line: line, key: key))
            }
            if t.missingCount > 0 {
                let what = t.hasTable ? "code(s) not in its code table" : "value(s) that are not canonical codes (add a code table)"
                var message = "'\(t.label)': \(t.missingCount) \(what)"
                let shown = t.missing.filter { $0.value >= 2 }.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                if !shown.isEmpty {
                    message += ": " + shown.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
                    let once = t.missing.count - shown.count
                    if once > 0 { message += ", and \(once) seen once (not shown)" }
                } else if t.unshowable || !t.domain.showsValues {
                    message += " (not shown: the field is not a code field, or its values do not look like codes)"
                }
                problems.append(MappingProblem(.warning, message, file: mappingFile, line: line, key: key))
            }
        }
    }
}
