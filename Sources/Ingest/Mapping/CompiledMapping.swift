import Foundation
import SaksgangCore

/// A mapping file turned into what the readers need (an XML capture plan or CSV column
/// names) and what the `RecordMapper` needs (where each canonical value sits, its code table,
/// its date formats). Compiling checks the mapping once, so a mistake in a mapping file is a
/// configuration error before any export is read.
public struct CompiledMapping: Sendable {
    public let spec: MappingSpec
    /// XML only.
    public let xmlPlan: XMLCapturePlan?
    /// CSV only: the column each record slot reads.
    public let csvColumns: [String]

    let fields: [CanonicalField: ValueSource]
    /// `fields` by `CanonicalField.ordinal`: what the mapper reads per record.
    let sources: [ValueSource?]
    /// Reader slots without which no record can be read (CSV: a missing column fails the file).
    public let requiredSlots: Set<Int>
    let exportTime: ValueSource
    let events: [CompiledEvent]
    let closingTime: ValueSource?
    let closingReason: ValueSource?
    let fileNamePatterns: [String]

    /// Where a value is read. A class: the mapper passes it for every value of every record,
    /// and one reference is cheaper than copying its strings, formats and code table.
    final class ValueSource: Sendable {
        enum Place: Sendable {
            case slot(Int)
            case groupSlot(Int)
            case fileName(Int)
        }
        let place: Place
        /// For messages: the canonical name and the mapping's `from`.
        let label: String
        let formats: [DateFormat]
        let codes: [String: String?]?
        /// `codes` as a list when it is short (a yes/no table): comparing a value with two
        /// or three codes is cheaper than hashing it, once per value of every record.
        let shortCodes: [(code: String, value: String?)]?
        let separator: Separator?

        init(place: Place, label: String, formats: [DateFormat], codes: [String: String?]?, separator: Separator?) {
            self.place = place
            self.label = label
            self.formats = formats
            self.codes = codes
            self.shortCodes = codes.flatMap { $0.count <= 8 ? $0.map { (code: $0.key, value: $0.value) } : nil }
            self.separator = separator
        }

        /// The value `code` stands for in the code table: `.some(nil)` for a code mapped to
        /// null, nil for a code not in the table.
        func translation(of code: String) -> String?? {
            if let shortCodes {
                for entry in shortCodes where entry.code == code { return .some(entry.value) }
                return nil
            }
            return codes?[code]
        }
    }

    enum Separator: Sendable, Equatable {
        case character(Character)
        case whitespace
    }

    /// One event rule of the mapping. A class for the same reason as `ValueSource`: the
    /// mapper goes through every rule for every record, and copying a struct of five
    /// references retained each of them.
    final class CompiledEvent: Sendable {
        /// The XML group this event reads from; nil for an event built from record fields.
        let group: Int?
        let fixedKind: String?
        let kind: ValueSource?
        let time: ValueSource
        let attributes: [EventAttribute: ValueSource]
        /// `attributes` by `EventAttribute.ordinal`: what the mapper reads per event.
        let attributeSources: [ValueSource?]

        init(group: Int?, fixedKind: String?, kind: ValueSource?, time: ValueSource, attributes: [EventAttribute: ValueSource]) {
            self.group = group
            self.fixedKind = fixedKind
            self.kind = kind
            self.time = time
            self.attributes = attributes
            var bySlot = [ValueSource?](repeating: nil, count: EventAttribute.allCases.count)
            for (attr, source) in attributes { bySlot[attr.ordinal] = source }
            attributeSources = bySlot
        }
    }

    public init(_ spec: MappingSpec) throws(SaksgangError) {
        self.spec = spec
        var builder = Builder(spec: spec)
        try builder.prepare()
        var fields: [CanonicalField: ValueSource] = [:]
        for (name, field) in spec.fields.sorted(by: { $0.key < $1.key }) {
            guard let canonical = CanonicalField(rawValue: name) else {
                throw SaksgangError(.mapping, "mapping '\(spec.name)': '\(name)' is not a canonical field (see Pipelines/README.md)")
            }
            fields[canonical] = try builder.source(field, label: name, group: nil)
        }
        for required in CanonicalField.required where fields[required] == nil {
            throw SaksgangError(.mapping, "mapping '\(spec.name)' does not say where '\(required.rawValue)' comes from")
        }
        exportTime = try builder.source(spec.exportTime, label: "export_time", group: nil)
        var required = Set<Int>()
        for source in CanonicalField.required.compactMap({ fields[$0] }) + [exportTime] {
            if case .slot(let i) = source.place { required.insert(i) }
        }
        requiredSlots = required
        var events: [CompiledEvent] = []
        for (i, e) in (spec.events ?? []).enumerated() {
            var group: Int?
            if let from = e.from {
                guard spec.format == .xml else {
                    throw SaksgangError(.mapping, "mapping '\(spec.name)': event \(i + 1) has 'from', which only XML mappings use")
                }
                group = try builder.group(from)
            }
            let time = try builder.source(e.time, label: "event time", group: group)
            var fixedKind: String?
            var kind: ValueSource?
            switch e.kind {
            case .fixed(let k):
                guard EventKind(rawValue: k) != nil || k == RecordMapper.closingKind else {
                    throw SaksgangError(.mapping, "mapping '\(spec.name)': '\(k)' is not a canonical event kind")
                }
                fixedKind = k
            case .read(let f): kind = try builder.source(f, label: "event kind", group: group)
            }
            var attributes: [EventAttribute: ValueSource] = [:]
            for (name, f) in (e.attributes ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let attr = EventAttribute(rawValue: name) else {
                    throw SaksgangError(.mapping, "mapping '\(spec.name)': '\(name)' is not an event attribute")
                }
                attributes[attr] = try builder.source(f, label: "event \(name)", group: group)
            }
            events.append(CompiledEvent(group: group, fixedKind: fixedKind, kind: kind, time: time, attributes: attributes))
        }
        self.events = events
        closingTime = try spec.closing.map { c throws(SaksgangError) in try builder.source(c.time, label: "closing time", group: nil) }
        closingReason = try spec.closing?.reason.map { r throws(SaksgangError) in try builder.source(r, label: "closing reason", group: nil) }
        self.fields = fields
        var sources = [ValueSource?](repeating: nil, count: CanonicalField.allCases.count)
        for (field, source) in fields { sources[field.ordinal] = source }
        self.sources = sources
        xmlPlan = builder.xmlPlan()
        csvColumns = builder.columns
        fileNamePatterns = builder.fileNamePatterns
    }

    /// True when a file of this name is one this mapping reads.
    public func matches(fileName: String) -> Bool {
        spec.files.contains { fnmatch($0, fileName, 0) == 0 }
    }

    /// Values taken from the file name (`$filename` with `pattern:`), computed once per file.
    public func fileValues(fileName: String) -> [String?] {
        fileNamePatterns.map { pattern in
            guard !pattern.isEmpty else { return fileName }
            guard let re = try? NSRegularExpression(pattern: pattern),
                  let m = re.firstMatch(in: fileName, range: NSRange(fileName.startIndex..., in: fileName))
            else { return nil }
            let r = m.numberOfRanges > 1 ? m.range(at: 1) : m.range
            return Range(r, in: fileName).map { String(fileName[$0]) }
        }
    }
}

/// Allocates reader slots for a mapping's value sources.
private struct Builder {
    let spec: MappingSpec
    var recordPath: [String] = []
    var xmlSlots: [XMLCapturePlan.Slot] = []
    var xmlGroups: [XMLCapturePlan.Group] = []
    var columns: [String] = []
    var fileNamePatterns: [String] = []

    init(spec: MappingSpec) { self.spec = spec }

    mutating func prepare() throws(SaksgangError) {
        guard spec.format == .xml else { return }
        guard let record = spec.record, record.hasPrefix("/") else {
            throw SaksgangError(.mapping, "mapping '\(spec.name)': 'record' must be the absolute path of the record element, like /Eksport/Skole/Sak")
        }
        let path = try XMLPath(record)
        guard path.attribute == nil, !path.steps.isEmpty else {
            throw SaksgangError(.mapping, "mapping '\(spec.name)': 'record' must name an element")
        }
        recordPath = path.steps
    }

    mutating func group(_ from: String) throws(SaksgangError) -> Int {
        let path = try XMLPath(from)
        guard !path.absolute, path.up == 0, path.attribute == nil, !path.steps.isEmpty else {
            throw SaksgangError(.mapping, "mapping '\(spec.name)': event 'from: \(from)' must be an element below the record")
        }
        xmlGroups.append(XMLCapturePlan.Group(steps: path.steps, slots: []))
        return xmlGroups.count - 1
    }

    mutating func source(_ field: FieldSpec, label: String, group: Int?) throws(SaksgangError) -> CompiledMapping.ValueSource {
        let expression = try SourceExpression(field.from, format: spec.format)
        let place: CompiledMapping.ValueSource.Place
        switch expression {
        case .fileName:
            fileNamePatterns.append(field.pattern ?? "")
            place = .fileName(fileNamePatterns.count - 1)
        case .column(let name):
            if let i = columns.firstIndex(of: name) { place = .slot(i) } else {
                columns.append(name)
                place = .slot(columns.count - 1)
            }
        case .xml(let path):
            place = try xmlPlace(path, group: group, text: field.from)
        }
        var formats: [DateFormat] = []
        for f in field.format ?? [] { formats.append(try DateFormat(f)) }
        var codes: [String: String?]?
        if let name = field.codes {
            guard let table = spec.codes?[name] else {
                throw SaksgangError(.mapping, "mapping '\(spec.name)': code table '\(name)' is not defined")
            }
            codes = table
        }
        var separator: CompiledMapping.Separator?
        switch field.split {
        case nil: separator = nil
        case "whitespace": separator = .whitespace
        case let s? where s.count == 1: separator = .character(s.first!)
        case let s?: throw SaksgangError(.mapping, "mapping '\(spec.name)': split '\(s)' must be one character or 'whitespace'")
        }
        return CompiledMapping.ValueSource(place: place, label: "\(label) (\(field.from))", formats: formats, codes: codes, separator: separator)
    }

    private mutating func xmlPlace(_ path: XMLPath, group: Int?, text: String) throws(SaksgangError) -> CompiledMapping.ValueSource.Place {
        if path.absolute || path.up > 0 {
            let depth: Int
            if path.absolute {
                depth = path.steps.count
                guard depth < recordPath.count, Array(recordPath.prefix(depth)) == path.steps else {
                    throw SaksgangError(.mapping, "mapping '\(spec.name)': '\(text)' is not an ancestor of the record element")
                }
            } else {
                guard path.steps.isEmpty, group == nil else {
                    throw SaksgangError(.mapping, "mapping '\(spec.name)': '\(text)': '..' may only lead to an ancestor's attribute of the record")
                }
                depth = recordPath.count - path.up
                guard depth >= 1 else { throw SaksgangError(.mapping, "mapping '\(spec.name)': '\(text)' goes above the root") }
            }
            guard path.attribute != nil else {
                throw SaksgangError(.mapping, "mapping '\(spec.name)': '\(text)': only attributes of ancestors can be read while streaming")
            }
            let slot = XMLCapturePlan.Slot(steps: [], ancestorDepth: depth, attribute: path.attribute)
            return .slot(addSlot(slot))
        }
        let slot = XMLCapturePlan.Slot(steps: path.steps, ancestorDepth: nil, attribute: path.attribute)
        if let group {
            if let i = xmlGroups[group].slots.firstIndex(of: slot) { return .groupSlot(i) }
            xmlGroups[group].slots.append(slot)
            return .groupSlot(xmlGroups[group].slots.count - 1)
        }
        return .slot(addSlot(slot))
    }

    private mutating func addSlot(_ slot: XMLCapturePlan.Slot) -> Int {
        if let i = xmlSlots.firstIndex(of: slot) { return i }
        xmlSlots.append(slot)
        return xmlSlots.count - 1
    }

    func xmlPlan() -> XMLCapturePlan? {
        spec.format == .xml ? XMLCapturePlan(recordPath: recordPath, slots: xmlSlots, groups: xmlGroups) : nil
    }
}
