import SaksgangCore

/// Writes an SMC delta (exports.md §3): a header, then one row per case changed since the
/// previous delta, semicolon-separated with RFC 4180 quoting, `ja`/`nei` booleans, Oslo local
/// date-times, milestones only (first contact, first meeting, …) and an empty field for
/// anything unknown.
struct SMCWriter {
    let file: ExportFile
    private var buffer = RecordBuffer()
    private let nl: [UInt8]

    static let columns = [
        "saksnr", "skole_orgnr", "kommunenr", "skolenavn", "sist_endret", "alvorlig", "elev_fnr", "elev_lokal_id",
        "elev_navn", "kjonn", "trinn", "innvandringskategori", "landbakgrunn", "nasjonal_minoritet", "samisk",
        "minoritetsspraklig", "tolk_foresatte", "meldt_dato", "meldt_av", "krenkelsestyper", "utover_type",
        "utover_antall", "forste_kontakt_hjem", "kontakter_hjem_antall", "forste_mote", "referat_sendt",
        "undersokelse_start", "aktivitetsplan_dato", "evaluert_dato", "varslet_skoleeier", "ekstern_hjelp",
        "statsforvalter_meldt", "statsforvalter_vedtak", "avsluttet_dato", "avslutningsarsak", "kommentar",
    ]

    init(file: ExportFile) {
        self.file = file
        nl = file.lineEnding
    }

    mutating func begin() throws(SaksgangError) {
        buffer.removeAll()
        buffer.append(Self.columns.joined(separator: ";"))
        buffer.append(nl)
        try file.write(buffer)
    }

    mutating func write(_ c: SyntheticCase, _ v: SyntheticCase.Version) throws(SaksgangError) {
        buffer.removeAll()
        let p = c.pupil
        let sep = UInt8(ascii: ";")
        func field(_ s: String) { buffer.appendCSVField(s, lineEnding: nl); buffer.append(byte: sep) }
        func yesNo(_ b: Bool?) { if let b { buffer.append(b ? "ja" : "nei") }; buffer.append(byte: sep) }
        func time(_ t: Timestamp?) { if let t { buffer.appendNorwegian(t) }; buffer.append(byte: sep) }
        func date(_ t: Timestamp?) { if let t { buffer.appendNorwegianDate(t.localDate) }; buffer.append(byte: sep) }

        field(c.number)
        field(c.school.orgnr)
        field(c.school.municipality)
        field(c.school.name ?? "")
        time(Timestamp(seconds: v.lastChanged))
        yesNo(c.serious)
        field(p.number ?? "")
        field(p.number == nil ? p.localId ?? "" : "")
        field(p.fullName)
        field(p.gender?.rawValue ?? "")
        buffer.append(int: c.grade)
        buffer.append(byte: sep)
        field(p.category?.rawValue ?? "")
        field(p.country ?? "")
        field(p.minority?.rawValue ?? "")
        yesNo(p.sami)
        yesNo(p.minorityLanguage)
        yesNo(p.needsInterpreter)
        time(c.knowledgeWritten ? Timestamp(seconds: c.knowledge) : nil)
        field(c.reportedBy?.rawValue ?? "")
        field(c.violations.map(\.rawValue).joined(separator: ","))
        field(c.perpetrator?.rawValue ?? "")
        if let n = c.perpetratorCount { buffer.append(int: n) }
        buffer.append(byte: sep)

        let contacts = v.events.filter { $0.kind == .homeContact }
        time(contacts.first?.time)
        buffer.append(int: contacts.count)
        buffer.append(byte: sep)
        let meeting = v.events.first { $0.kind == .meeting }
        time(meeting?.time)
        yesNo(meeting?.minutesSent)
        date(v.events.first { $0.kind == .investigation }?.time)
        date(v.events.first { $0.kind == .activityPlan }?.time)
        date(v.events.last { $0.kind == .evaluation }?.time)
        time(v.events.first { $0.kind == .ownerNotice }?.time)
        var services: [String] = []
        for e in v.events where e.kind == .externalHelp {
            if let s = e.service?.rawValue, !services.contains(s) { services.append(s) }
        }
        field(services.joined(separator: ","))
        date(v.events.first { $0.kind == .countyGovernorReported }?.time)
        let decision = v.events.last { $0.kind == .countyGovernorDecision }?.breach
        field(decision.map { $0 ? "brudd" : "ikke_brudd" } ?? "")
        date(v.closing?.time)
        field(v.closing?.reason?.rawValue ?? "")
        buffer.appendCSVField(c.note, lineEnding: nl)
        buffer.append(nl)
        try file.write(buffer)
    }
}
