import SaksgangCore

/// The compact binary form of a `Case` kept in the store's `body` column: a hand-written
/// encoding because `JSONEncoder` costs ~30 µs a case, far too slow for a million cases.
///
/// Format version 1, fields in this order (the golden test in `CaseCodecTests` pins it):
///
/// - a version byte (`1`);
/// - **string**: LEB128 varint byte count, then UTF-8;
/// - **int**: zigzag LEB128 varint of the `Int64`;
/// - **timestamp**: a tag byte (`1` date only, `2` with time of day) then the seconds as an
///   int; an optional timestamp uses tag `0` for absent;
/// - **optional** string, int or code: a presence byte (`0` absent, `1` present) then the value;
/// - **optional bool**: one byte, `0` nil, `1` false, `2` true;
/// - **code** (every enum): its canonical raw string, written as a string. Raw strings, not
///   indices, so that reordering or adding enum cases never changes what stored bytes mean;
/// - **array**: a varint count, then the elements.
///
/// Case: id, source, school (orgnr, municipality, optional name), optional registered,
/// lastChanged, exportTime, optional bool serious, pupil (optional id, identifiedBy code,
/// optional gender, optional grade, optional immigrantCategory, optional countryBackground,
/// optional nationalMinority, optional bools sami and minorityLanguage), optional bool
/// guardianNeedsInterpreter, optional knowledge, optional reportedBy, violations array,
/// optional perpetrator, optional perpetratorCount, events array (kind, time, optional
/// initiative, optional channel, optional bools minutesSent and guardiansTookPart, optional
/// service, optional bool breach), optional homeContactCount, externalServices array,
/// optional countyGovernorDecision, closing (presence byte, then time and optional reason).
///
/// Decoding an unknown version, truncated or trailing bytes, or an unknown code throws
/// `SaksgangError(.store, …)` naming the field, never a value.
public enum CaseCodec {
    /// The version byte this build writes and the only one it reads.
    public static let version: UInt8 = 1

    public static func encode(_ c: Case) -> [UInt8] {
        var w = ByteWriter(capacity: 96 + 24 * c.events.count)
        write(c, to: &w)
        return w.bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(SaksgangError) -> Case {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(SaksgangError) in try decode(buffer) }
        }
        return try result.get()
    }

    /// Decodes from borrowed bytes (an SQLite column) without copying them first.
    public static func decode(_ buffer: UnsafeRawBufferPointer) throws(SaksgangError) -> Case {
        var r = ByteReader(buffer)
        let v = try r.byte("version")
        guard v == version else {
            throw SaksgangError(.store, "case body has unknown format version \(v) (this program reads \(version))",
                                at: .init(byteOffset: 0, field: "version"))
        }
        let c = try read(&r)
        guard r.isAtEnd else { throw r.damaged("has trailing bytes", field: "end") }
        return c
    }

    /// Where the case's key columns lie in its encoding, as ranges of the bytes written: a
    /// store binds them from there rather than copying each string again.
    struct KeyText {
        var id: Range<Int>
        var source: Range<Int>
        var orgnr: Range<Int>
        var municipality: Range<Int>
    }

    @discardableResult
    static func write(_ c: Case, to w: inout ByteWriter) -> KeyText {
        w.byte(version)
        let key = KeyText(id: w.string(c.id.value), source: w.string(c.source), orgnr: w.string(c.school.orgnr),
                          municipality: w.string(c.school.municipality))
        w.optionalString(c.school.name)
        w.optionalTimestamp(c.registered)
        w.timestamp(c.lastChanged)
        w.timestamp(c.exportTime)
        w.optionalBool(c.serious)
        let p = c.pupil
        w.optionalString(p.id?.value)
        w.code(p.identifiedBy)
        w.optionalCode(p.gender)
        w.optionalInt(p.grade)
        w.optionalCode(p.immigrantCategory)
        w.optionalString(p.countryBackground)
        w.optionalCode(p.nationalMinority)
        w.optionalBool(p.sami)
        w.optionalBool(p.minorityLanguage)
        w.optionalBool(c.guardianNeedsInterpreter)
        w.optionalTimestamp(c.knowledge)
        w.optionalCode(c.reportedBy)
        w.varint(UInt64(c.violations.count))
        for v in c.violations { w.code(v) }
        w.optionalCode(c.perpetrator)
        w.optionalInt(c.perpetratorCount)
        w.varint(UInt64(c.events.count))
        for e in c.events {
            w.code(e.kind)
            w.timestamp(e.time)
            w.optionalCode(e.initiative)
            w.optionalCode(e.channel)
            w.optionalBool(e.minutesSent)
            w.optionalBool(e.guardiansTookPart)
            w.optionalCode(e.service)
            w.optionalBool(e.breach)
        }
        w.optionalInt(c.homeContactCount)
        w.varint(UInt64(c.externalServices.count))
        for s in c.externalServices { w.code(s) }
        w.optionalCode(c.countyGovernorDecision)
        if let closing = c.closing {
            w.byte(1)
            w.timestamp(closing.time)
            w.optionalCode(closing.reason)
        } else {
            w.byte(0)
        }
        return key
    }

    static func read(_ r: inout ByteReader) throws(SaksgangError) -> Case {
        let id = Pseudonym(try r.string("id"))
        let source = try r.string("source")
        let school = School(orgnr: try r.string("school.orgnr"), municipality: try r.string("school.municipality"),
                            name: try r.optionalString("school.name"))
        let registered = try r.optionalTimestamp("registered")
        let lastChanged = try r.timestamp("lastChanged")
        let exportTime = try r.timestamp("exportTime")
        let serious = try r.optionalBool("serious")
        let pupil = Pupil(
            id: try r.optionalString("pupil.id").map(Pseudonym.init),
            identifiedBy: try r.code(CodeTables.identification, "pupil.identifiedBy"),
            gender: try r.optionalCode(CodeTables.gender, "pupil.gender"),
            grade: try r.optionalInt("pupil.grade"),
            immigrantCategory: try r.optionalCode(CodeTables.immigrantCategory, "pupil.immigrantCategory"),
            countryBackground: try r.optionalString("pupil.countryBackground"),
            nationalMinority: try r.optionalCode(CodeTables.nationalMinority, "pupil.nationalMinority"),
            sami: try r.optionalBool("pupil.sami"),
            minorityLanguage: try r.optionalBool("pupil.minorityLanguage"))
        let interpreter = try r.optionalBool("guardianNeedsInterpreter")
        let knowledge = try r.optionalTimestamp("knowledge")
        let reportedBy = try r.optionalCode(CodeTables.reporter, "reportedBy")
        var violations: [ViolationKind] = []
        let violationCount = try r.count("violations")
        violations.reserveCapacity(violationCount)
        for _ in 0..<violationCount { violations.append(try r.code(CodeTables.violation, "violations")) }
        let perpetrator = try r.optionalCode(CodeTables.perpetrator, "perpetrator")
        let perpetratorCount = try r.optionalInt("perpetratorCount")
        var events: [Event] = []
        let eventCount = try r.count("events")
        events.reserveCapacity(eventCount)
        for _ in 0..<eventCount {
            events.append(Event(
                kind: try r.code(CodeTables.eventKind, "event.kind"),
                time: try r.timestamp("event.time"),
                initiative: try r.optionalCode(CodeTables.initiative, "event.initiative"),
                channel: try r.optionalCode(CodeTables.channel, "event.channel"),
                minutesSent: try r.optionalBool("event.minutesSent"),
                guardiansTookPart: try r.optionalBool("event.guardiansTookPart"),
                service: try r.optionalCode(CodeTables.service, "event.service"),
                breach: try r.optionalBool("event.breach")))
        }
        let homeContactCount = try r.optionalInt("homeContactCount")
        var services: [ExternalService] = []
        let serviceCount = try r.count("externalServices")
        services.reserveCapacity(serviceCount)
        for _ in 0..<serviceCount { services.append(try r.code(CodeTables.service, "externalServices")) }
        let decision = try r.optionalCode(CodeTables.decision, "countyGovernorDecision")
        var closing: Closing?
        if try r.presence("closing") {
            closing = Closing(time: try r.timestamp("closing.time"),
                              reason: try r.optionalCode(CodeTables.closingReason, "closing.reason"))
        }
        return Case(id: id, source: source, school: school, registered: registered, lastChanged: lastChanged,
                    exportTime: exportTime, serious: serious, pupil: pupil, guardianNeedsInterpreter: interpreter,
                    knowledge: knowledge, reportedBy: reportedBy, violations: violations, perpetrator: perpetrator,
                    perpetratorCount: perpetratorCount, events: events, homeContactCount: homeContactCount,
                    externalServices: services, countyGovernorDecision: decision, closing: closing)
    }
}
