import SaksgangCore

/// Writes an SMX snapshot (exports.md §2): `Eksport` → `Skole` → `Sak`, attributes for
/// scalars, child elements for repeated things, events grouped by kind rather than in time
/// order (the format allows any order), empty attributes for unknown background values.
struct SMXWriter {
    let file: ExportFile
    private var buffer = RecordBuffer()
    private let nl: [UInt8]

    init(file: ExportFile) {
        self.file = file
        nl = file.lineEnding
    }

    mutating func begin(generated: Int64) throws(SaksgangError) {
        buffer.removeAll()
        buffer.append("<?xml version=\"1.0\" encoding=\"")
        buffer.append(file.style.encoding.xmlName)
        buffer.append("\"?>")
        buffer.append(nl)
        buffer.append("<Eksport xmlns=\"urn:skolemiljo:eksport:1\" versjon=\"1.2\" generert=\"")
        buffer.appendISO(Timestamp(seconds: generated))
        buffer.append("\">")
        buffer.append(nl)
        try file.write(buffer)
    }

    mutating func beginSchool(_ school: School) throws(SaksgangError) {
        buffer.removeAll()
        buffer.append("  <Skole orgnr=\"")
        buffer.append(school.orgnr)
        buffer.append("\" kommunenr=\"")
        buffer.append(school.municipality)
        buffer.append("\" navn=\"")
        attr(school.name ?? "")
        buffer.append("\">")
        buffer.append(nl)
        try file.write(buffer)
    }

    mutating func endSchool() throws(SaksgangError) {
        buffer.removeAll()
        buffer.append("  </Skole>")
        buffer.append(nl)
        try file.write(buffer)
    }

    mutating func end() throws(SaksgangError) {
        buffer.removeAll()
        buffer.append("</Eksport>")
        buffer.append(nl)
        try file.write(buffer)
    }

    static let kindOrder: [EventKind] = [
        .homeContact, .meeting, .investigation, .activityPlan, .measure, .evaluation, .externalHelp, .ownerNotice,
        .countyGovernorReported, .countyGovernorDecision, .reopened,
    ]

    mutating func write(_ c: SyntheticCase, _ v: SyntheticCase.Version) throws(SaksgangError) {
        buffer.removeAll()
        let p = c.pupil
        buffer.append("    <Sak id=\"")
        attr(c.number)
        buffer.append("\" opprettet=\"")
        buffer.appendISO(Timestamp(seconds: c.registered))
        buffer.append("\" sistEndret=\"")
        buffer.appendISO(Timestamp(seconds: v.lastChanged))
        buffer.append(c.serious ? "\" alvorlig=\"true\">" : "\" alvorlig=\"false\">")
        buffer.append(nl)

        buffer.append("      <Elev ")
        if let number = p.number {
            buffer.append("fnr=\"")
            buffer.append(number)
        } else {
            buffer.append("lokalId=\"")
            attr(p.localId ?? "")
        }
        buffer.append("\" kjonn=\"")
        buffer.append(p.gender?.rawValue ?? "")
        buffer.append("\" trinn=\"")
        buffer.append(int: c.grade)
        buffer.append("\" innvandringskategori=\"")
        buffer.append(p.category?.rawValue ?? "")
        buffer.append("\" landbakgrunn=\"")
        buffer.append(p.country ?? "")
        buffer.append("\" nasjonalMinoritet=\"")
        buffer.append(p.minority?.rawValue ?? "")
        buffer.append(p.sami ? "\" samisk=\"true\"" : "\" samisk=\"false\"")
        buffer.append(p.minorityLanguage ? " minoritetsspraklig=\"true\">" : " minoritetsspraklig=\"false\">")
        buffer.append(nl)
        buffer.append("        <Navn>")
        text(p.fullName)
        buffer.append("</Navn>")
        buffer.append(nl)
        buffer.append("      </Elev>")
        buffer.append(nl)

        if !p.guardians.isEmpty {
            buffer.append("      <Foresatte>")
            buffer.append(nl)
            for g in p.guardians {
                buffer.append("        <Foresatt")
                if let number = g.number {
                    buffer.append(" fnr=\"")
                    buffer.append(number)
                    buffer.append("\"")
                }
                buffer.append(g.needsInterpreter ? " tolkBehov=\"true\"" : " tolkBehov=\"false\"")
                if let language = g.language {
                    buffer.append(" sprak=\"")
                    buffer.append(language)
                    buffer.append("\"")
                }
                buffer.append("><Navn>")
                text(g.name)
                buffer.append("</Navn>")
                if let phone = g.phone {
                    buffer.append("<Telefon>")
                    text(phone)
                    buffer.append("</Telefon>")
                }
                if let email = g.email {
                    buffer.append("<Epost>")
                    text(email)
                    buffer.append("</Epost>")
                }
                buffer.append("</Foresatt>")
                buffer.append(nl)
            }
            buffer.append("      </Foresatte>")
            buffer.append(nl)
        }

        buffer.append("      <Kjennskap")
        if c.knowledgeWritten {
            buffer.append(" tidspunkt=\"")
            buffer.appendISO(Timestamp(seconds: c.knowledge))
            buffer.append("\"")
        }
        buffer.append(" meldtAv=\"")
        buffer.append(c.reportedBy?.rawValue ?? "")
        buffer.append("\"/>")
        buffer.append(nl)

        buffer.append("      <Krenkelser>")
        buffer.append(nl)
        for k in c.violations {
            buffer.append("        <Krenkelse type=\"")
            buffer.append(k.rawValue)
            buffer.append("\"/>")
            buffer.append(nl)
        }
        buffer.append("      </Krenkelser>")
        buffer.append(nl)

        buffer.append("      <Utovere type=\"")
        buffer.append(c.perpetrator?.rawValue ?? "")
        buffer.append("\"")
        if let n = c.perpetratorCount {
            buffer.append(" antall=\"")
            buffer.append(int: n)
            buffer.append("\"")
        }
        buffer.append("/>")
        buffer.append(nl)

        if !v.events.isEmpty {
            buffer.append("      <Hendelser>")
            buffer.append(nl)
            for kind in Self.kindOrder {
                for e in v.events where e.kind == kind { event(e) }
            }
            buffer.append("      </Hendelser>")
            buffer.append(nl)
        }
        if let closing = v.closing {
            buffer.append("      <Avsluttet tidspunkt=\"")
            buffer.appendISO(closing.time)
            buffer.append("\" arsak=\"")
            buffer.append(closing.reason?.rawValue ?? "")
            buffer.append("\"/>")
            buffer.append(nl)
        }
        if !c.note.isEmpty {
            buffer.append("      <Notat>")
            text(c.note)
            buffer.append("</Notat>")
            buffer.append(nl)
        }
        buffer.append("    </Sak>")
        buffer.append(nl)
        try file.write(buffer)
    }

    private mutating func event(_ e: Event) {
        buffer.append("        <Hendelse type=\"")
        buffer.append(e.kind.rawValue)
        buffer.append("\" tidspunkt=\"")
        buffer.appendISO(e.time)
        buffer.append("\"")
        if let i = e.initiative {
            buffer.append(" initiativ=\"")
            buffer.append(i.rawValue)
            buffer.append("\"")
        }
        if let k = e.channel {
            buffer.append(" kanal=\"")
            buffer.append(k.rawValue)
            buffer.append("\"")
        }
        if let m = e.minutesSent { buffer.append(m ? " referatSendt=\"true\"" : " referatSendt=\"false\"") }
        if let g = e.guardiansTookPart { buffer.append(g ? " foresatteMedvirket=\"true\"" : " foresatteMedvirket=\"false\"") }
        if let s = e.service {
            buffer.append(" instans=\"")
            buffer.append(s.rawValue)
            buffer.append("\"")
        }
        if let b = e.breach { buffer.append(b ? " brudd=\"true\"" : " brudd=\"false\"") }
        buffer.append("/>")
        buffer.append(nl)
    }

    private mutating func attr(_ s: String) { buffer.appendXMLEscaped(s, lineEnding: [0x20]) }
    private mutating func text(_ s: String) { buffer.appendXMLEscaped(s, lineEnding: nl) }
}
