import SaksgangCore

/// Turns a reader's `RawRecord` into an `IdentifiedCase` by a compiled mapping: code tables,
/// date formats, multi-valued fields, events and closing. The first value that cannot be
/// read rejects the record with an error naming the field and what was wrong, never the
/// value.
public struct RecordMapper: Sendable {
    /// The canonical event kind a mapping may use for an entry that really is the closing
    /// of the case (a `CLOSED` row in a flat timeline).
    public static let closingKind = "avsluttet"

    public let mapping: CompiledMapping

    public init(_ mapping: CompiledMapping) { self.mapping = mapping }

    /// Maps one record. `fileValues` are the mapping's values taken from the file name.
    public func map(_ raw: RawRecord, fileValues: [String?]) throws(SaksgangError) -> IdentifiedCase {
        let reader = ValueReader(raw: raw, fileValues: fileValues)
        let sources = mapping.sources
        func f(_ field: CanonicalField) -> CompiledMapping.ValueSource? { sources[field.ordinal] }

        let caseNumber = try reader.required(f(.caseNumber)!)
        let orgnr = try reader.required(f(.schoolOrgnr)!)
        guard orgnr.utf8.count == 9, orgnr.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw reader.error(.invalidOrgnr, "is not a 9-digit organisation number", f(.schoolOrgnr)!)
        }
        let municipality = try reader.required(f(.municipality)!)
        guard municipality.utf8.count == 4, municipality.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw reader.error(.invalidNumber, "is not a 4-digit municipality number", f(.municipality)!)
        }
        guard let lastChanged = try reader.time(f(.lastChanged)) else {
            throw reader.error(.missingField, "is missing", f(.lastChanged)!)
        }
        guard let exportTime = try reader.time(mapping.exportTime) else {
            throw reader.error(.missingField, "is missing", mapping.exportTime)
        }

        let pupil = Pupil(
            id: nil, identifiedBy: .none,
            gender: try reader.code(f(.gender)),
            grade: try reader.integer(f(.grade), in: 1...13),
            immigrantCategory: try reader.code(f(.immigrantCategory)),
            countryBackground: try reader.country(f(.countryBackground)),
            nationalMinority: try reader.code(f(.nationalMinority)),
            sami: try reader.boolean(f(.sami)),
            minorityLanguage: try reader.boolean(f(.minorityLanguage)))

        var body = Case(
            id: Pseudonym(""), source: mapping.spec.name,
            school: School(orgnr: orgnr, municipality: municipality, name: reader.text(f(.schoolName))),
            registered: try reader.time(f(.registered)),
            lastChanged: lastChanged, exportTime: exportTime,
            serious: try reader.boolean(f(.serious)),
            pupil: pupil,
            guardianNeedsInterpreter: try reader.anyTrue(f(.guardianInterpreter)),
            knowledge: try reader.time(f(.knowledge)),
            reportedBy: try reader.code(f(.reportedBy)),
            violations: try reader.codes(f(.violations)),
            perpetrator: try reader.code(f(.perpetrator)),
            perpetratorCount: try reader.integer(f(.perpetratorCount), in: 0...1000),
            homeContactCount: try reader.integer(f(.homeContactCount), in: 0...100_000),
            externalServices: try reader.codes(f(.externalServices)),
            countyGovernorDecision: try reader.code(f(.countyGovernorDecision)))

        if let t = mapping.closingTime, let time = try reader.time(t) {
            body.closing = Closing(time: time, reason: try reader.code(mapping.closingReason))
        }
        for event in mapping.events {
            try readEvents(event, reader: reader, into: &body)
        }
        body.normalize()

        let national = reader.text(f(.pupilNationalNumber)).map(Sensitive.init)
        let local = reader.text(f(.pupilLocalId)).map(Sensitive.init)
        return IdentifiedCase(caseNumber: Sensitive(caseNumber), pupilNationalNumber: national, pupilLocalId: local,
                              body: body, position: raw.position, warnings: Self.plausibility(body))
    }

    private func readEvents(_ event: CompiledMapping.CompiledEvent, reader: ValueReader, into body: inout Case) throws(SaksgangError) {
        guard let group = event.group else {
            // An event built from record fields: one item, no group.
            return try readEvent(event, reader: reader, into: &body)
        }
        for item in reader.raw.groupItems where item.group == group {
            reader.groupItem = item.base
            defer { reader.groupItem = nil }
            try readEvent(event, reader: reader, into: &body)
        }
    }

    /// Reads the event of the reader's current group item (or of the record's fields).
    private func readEvent(_ event: CompiledMapping.CompiledEvent, reader: ValueReader, into body: inout Case) throws(SaksgangError) {
        guard let time = try reader.time(event.time) else { return }
        let kindCode: String
        if let fixed = event.fixedKind { kindCode = fixed } else {
            guard let source = event.kind, reader.text(source) != nil else {
                throw reader.error(.missingField, "is missing", event.kind ?? event.time)
            }
            // A kind its code table maps to null is a row that carries the case, no event.
            guard let code = try reader.translated(source) else { return }
            kindCode = code
        }
        let sources = event.attributeSources
        func a(_ attribute: EventAttribute) -> CompiledMapping.ValueSource? { sources[attribute.ordinal] }
        if kindCode == Self.closingKind {
            body.closing = Closing(time: time, reason: try reader.code(a(.reason)))
            return
        }
        guard let kind = EventKind(rawValue: kindCode) else {
            throw reader.error(.unknownCode, "is not a known event kind", event.kind ?? event.time)
        }
        body.events.append(Event(
            kind: kind, time: time,
            initiative: try reader.code(a(.initiative)), channel: try reader.code(a(.channel)),
            minutesSent: try reader.boolean(a(.minutesSent)), guardiansTookPart: try reader.boolean(a(.guardiansTookPart)),
            service: try reader.code(a(.service)), breach: try reader.boolean(a(.breach))))
    }

    /// Data errors that do not reject the record (metrics.md §6): no knowledge time, events
    /// before knowledge, dates after the export.
    static func plausibility(_ c: Case) -> [SaksgangError] {
        var warnings: [SaksgangError] = []
        guard let knowledge = c.knowledge else {
            return [SaksgangError(.missingField, "the knowledge time is missing", at: .init(field: CanonicalField.knowledge.rawValue))]
        }
        for e in c.events where e.time.isBefore(knowledge) {
            warnings.append(SaksgangError(.eventBeforeKnowledge, "an event of kind \(e.kind.rawValue) is dated before the knowledge time",
                                          at: .init(field: e.kind.rawValue)))
        }
        if let closing = c.closing, closing.time.isBefore(knowledge) {
            warnings.append(SaksgangError(.eventBeforeKnowledge, "the closing is dated before the knowledge time", at: .init(field: "closing")))
        }
        let late = c.events.contains { c.exportTime.isBefore($0.time) } || c.exportTime.isBefore(knowledge)
            || (c.closing.map { c.exportTime.isBefore($0.time) } ?? false)
        if late {
            warnings.append(SaksgangError(.eventAfterExport, "a date lies after the export time", at: .init(field: "events")))
        }
        return warnings
    }
}

/// Reads typed values out of one raw record. A value becomes a `String` only when one is
/// kept or looked up; a date is parsed from the record's bytes.
///
/// A class: the mapper hands one reader to the code for every event of the record, and a
/// struct holding the record was copied (its buffers retained and released) for each
/// event and, through `inout`, for each value read.
final class ValueReader {
    let raw: RawRecord
    let fileValues: [String?]
    /// Within a group's item (an event): where its values start in the record.
    var groupItem: Int?

    init(raw: RawRecord, fileValues: [String?]) {
        self.raw = raw
        self.fileValues = fileValues
    }

    func error(_ code: SaksgangError.Code, _ what: String, _ source: CompiledMapping.ValueSource) -> SaksgangError {
        SaksgangError(code, "\(source.label) \(what)",
                      at: .init(line: raw.position.line, byteOffset: raw.position.byteOffset,
                                elementPath: raw.position.elementPath, record: raw.position.record, field: source.label))
    }

    /// Every non-empty value, split where the mapping says so, trimmed.
    func values(_ source: CompiledMapping.ValueSource?) -> [String] {
        guard let source else { return [] }
        let found: [String]
        switch source.place {
        case .slot(let i): found = raw.values(ofSlot: i)
        case .groupSlot(let i): found = groupItem.flatMap { raw.groupString(item: $0, slot: i) }.map { [$0] } ?? []
        case .fileName(let i): found = fileValues[i].map { [$0] } ?? []
        }
        var out: [String] = []
        for v in found {
            switch source.separator {
            case nil: out.append(v.trimmingSpaces)
            case .character(let c): out += v.split(separator: c).map { String($0).trimmingSpaces }
            case .whitespace: out += v.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
            }
        }
        return out.filter { !$0.isEmpty }
    }

    /// The first non-empty value, trimmed, handed to `body` as UTF-8 bytes; nil when there is
    /// none. The common case (one value, no separator, no space around it) makes no String.
    func withText<T>(_ source: CompiledMapping.ValueSource?, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        guard let source else { return nil }
        if source.separator == nil {
            switch source.place {
            case .slot(let i):
                return raw.firstValue(ofSlot: i) { Self.trimmed($0, body) }
            case .groupSlot(let i):
                guard let item = groupItem else { return nil }
                return raw.groupValue(item: item, slot: i) { Self.trimmed($0, body) }
            case .fileName:
                break
            }
        }
        guard var v = values(source).first else { return nil }
        return v.withUTF8(body)
    }

    /// `body` of the value with spaces trimmed as `String.trimmingSpaces` does; nil when
    /// that leaves nothing. Bytes with no space at either end are the trimmed value as they
    /// are; otherwise the String trims (it compares whole characters, so `\r\n` at the end
    /// stays), for the same result.
    private static func trimmed<T>(_ v: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = v.first, let last = v.last else { return nil }
        if !space(first) && !space(last) { return body(v) }
        var t = String(decoding: v, as: UTF8.self).trimmingSpaces
        return t.isEmpty ? nil : t.withUTF8(body)
    }

    /// The first non-empty value.
    func text(_ source: CompiledMapping.ValueSource?) -> String? {
        withText(source) { String(decoding: $0, as: UTF8.self) }
    }

    func required(_ source: CompiledMapping.ValueSource) throws(SaksgangError) -> String {
        guard let v = text(source) else { throw error(.missingField, "is missing", source) }
        return v
    }

    /// The value through the field's code table (nil = unknown); without a table the value
    /// itself.
    func translated(_ source: CompiledMapping.ValueSource) throws(SaksgangError) -> String? {
        guard let v = text(source) else { return nil }
        return try translate(v, source)
    }

    private func translate(_ v: String, _ source: CompiledMapping.ValueSource) throws(SaksgangError) -> String? {
        guard source.codes != nil else { return v }
        guard let mapped = source.translation(of: v) else { throw error(.unknownCode, "holds a code that is not in its code table", source) }
        return mapped
    }

    func code<C: CanonicalCode>(_ source: CompiledMapping.ValueSource?) throws(SaksgangError) -> C? {
        guard let source, let v = try translated(source) else { return nil }
        guard let c = C(rawValue: v) else { throw error(.unknownCode, "holds an unknown code", source) }
        return c
    }

    func codes<C: CanonicalCode>(_ source: CompiledMapping.ValueSource?) throws(SaksgangError) -> [C] {
        guard let source else { return [] }
        var out: [C] = []
        for v in values(source) {
            guard let t = try translate(v, source) else { continue }
            guard let c = C(rawValue: t) else { throw error(.unknownCode, "holds an unknown code", source) }
            out.append(c)
        }
        return out
    }

    func boolean(_ source: CompiledMapping.ValueSource?) throws(SaksgangError) -> Bool? {
        guard let source, let v = try translated(source) else { return nil }
        switch v {
        case "true": return true
        case "false": return false
        default: throw error(.unknownCode, "is not a known yes/no code", source)
        }
    }

    /// True when any occurrence is true (a guardian among several needs an interpreter).
    func anyTrue(_ source: CompiledMapping.ValueSource?) throws(SaksgangError) -> Bool? {
        guard let source else { return nil }
        var result: Bool?
        for v in values(source) {
            switch try translate(v, source) {
            case "true"?: return true
            case "false"?: result = false
            case nil: continue
            default: throw error(.unknownCode, "is not a known yes/no code", source)
            }
        }
        return result
    }

    func integer(_ source: CompiledMapping.ValueSource?, in range: ClosedRange<Int>) throws(SaksgangError) -> Int? {
        guard let source, let v = try translated(source) else { return nil }
        guard let n = Int(v), range.contains(n) else { throw error(.invalidNumber, "is not a whole number in \(range.lowerBound)–\(range.upperBound)", source) }
        return n
    }

    func country(_ source: CompiledMapping.ValueSource?) throws(SaksgangError) -> String? {
        guard let source, let v = try translated(source) else { return nil }
        guard v.utf8.count == 2, v.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
            throw error(.unknownCode, "is not an ISO 3166 two-letter country code", source)
        }
        return v
    }

    func time(_ source: CompiledMapping.ValueSource?) throws(SaksgangError) -> Timestamp? {
        guard let source else { return nil }
        let formats = source.formats.isEmpty ? [DateFormat.iso8601] : source.formats
        // nil: no value; .some(nil): a value no format reads.
        let parsed: Timestamp?? = withText(source) { bytes in
            for f in formats { if let t = f.parse(bytes) { return t } }
            return nil
        }
        guard let parsed else { return nil }
        guard let t = parsed else { throw error(.invalidDate, "is not a valid date in the mapping's format", source) }
        return t
    }
}
