import Foundation
import SaksgangCore

/// The parts of truth.json: arguments and effects first, a line per case, files and counts
/// last.
extension ExportGenerator {
    func truthHeader(places: [MunicipalityProfile], schools: [[School]], deltaDates: [LocalDate]) -> [UInt8] {
        var b = RecordBuffer()
        b.append("{\n\"format\": \"saksgang-generator-truth/1\",\n\"generator\": {")
        b.key("cases"); b.append(int: options.cases)
        b.append(","); b.key("seed"); b.append(String(options.seed))
        b.append(","); b.key("export_date"); b.appendJSON(options.exportDate.description)
        b.append(","); b.key("export_time")
        b.appendJSON(Timestamp(seconds: SchoolClock.instant(options.exportDate, minute: 120)))
        b.append(","); b.key("formats"); b.append("[")
        b.append(options.formats.sorted().map { "\"\($0.rawValue)\"" }.joined(separator: ","))
        b.append("],"); b.key("fault_share"); b.appendJSON(options.faultShare)
        b.append(","); b.key("smc_delta_dates"); b.append("[")
        b.append(deltaDates.map { "\"\($0)\"" }.joined(separator: ","))
        b.append("],"); b.key("gzip_level"); b.append(int: Int(options.gzipLevel))
        b.append(","); b.key("truth_cases"); b.appendJSON(options.truthCases)
        b.append("},\n\"effects\": ")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        b.append((try? encoder.encode(options.effects)).map { [UInt8]($0) } ?? Array("null".utf8))
        b.append(",\n\"planted_profiles\": {")
        for (n, key) in Effects.groupKeys.enumerated() {
            if n > 0 { b.append(",") }
            b.appendJSON(key)
            b.append(":")
            b.append((try? encoder.encode(options.effects.profile(key))).map { [UInt8]($0) } ?? Array("null".utf8))
        }
        b.append("},\n\"municipalities\": [")
        for (i, place) in places.enumerated() {
            if i > 0 { b.append(",") }
            b.append("\n{"); b.key("kommunenr"); b.appendJSON(place.number)
            b.append(","); b.key("name"); b.appendJSON(place.name)
            b.append(","); b.key("formats"); b.append("[")
            b.append(place.formats(options.formats).sorted().map { "\"\($0.rawValue)\"" }.joined(separator: ","))
            b.append("],"); b.key("schools"); b.append("[")
            for (j, s) in schools[i].enumerated() {
                if j > 0 { b.append(",") }
                b.append("{"); b.key("orgnr"); b.appendJSON(s.orgnr)
                b.append(","); b.key("name"); b.appendJSON(s.name); b.append("}")
            }
            b.append("]}")
        }
        b.append("\n]")
        return b.bytes
    }

    /// One case's true canonical values (SaksgangCore codes; times as `Timestamp.description`)
    /// as of the last export, with its raw identities and where it appears.
    func truthRecord(_ c: SyntheticCase, _ v: SyntheticCase.Version, appearances: [(String, SyntheticCase.Version)],
                     exportTime: Int64, into b: inout RecordBuffer) {
        let p = c.pupil
        b.append("{"); b.key("case_number"); b.appendJSON(c.number)
        b.append(","); b.key("school_orgnr"); b.appendJSON(c.school.orgnr)
        b.append(","); b.key("municipality"); b.appendJSON(c.school.municipality)
        b.append(","); b.key("registered"); b.appendJSON(Timestamp(seconds: c.registered))
        b.append(","); b.key("last_changed"); b.appendJSON(Timestamp(seconds: v.lastChanged))
        b.append(","); b.key("export_time"); b.appendJSON(Timestamp(seconds: exportTime))
        b.append(","); b.key("serious"); b.appendJSON(c.serious)
        b.append(",\n "); b.key("pupil"); b.append("{")
        b.key("key"); b.append(int: p.serial)
        b.append(","); b.key("identified_by")
        b.appendJSON(p.number != nil ? PupilIdentification.syntheticNumber.rawValue : PupilIdentification.localId.rawValue)
        b.append(","); b.key("number_kind"); b.appendJSON(p.numberKind?.rawValue)
        b.append(","); b.key("fnr"); b.appendJSON(p.numberKind == .fodselsnummer ? p.number : nil)
        b.append(","); b.key("d_number"); b.appendJSON(p.numberKind == .dNumber ? p.number : nil)
        b.append(","); b.key("local_id"); b.appendJSON(p.localId)
        b.append(","); b.key("name"); b.appendJSON(p.fullName)
        b.append(","); b.key("gender"); b.appendJSON(p.gender?.rawValue)
        b.append(","); b.key("grade"); b.append(int: c.grade)
        b.append(","); b.key("immigrant_category"); b.appendJSON(p.category?.rawValue)
        b.append(","); b.key("immigrant_group"); b.appendJSON(p.group.rawValue)
        b.append(","); b.key("country_background"); b.appendJSON(p.country)
        b.append(","); b.key("national_minority"); b.appendJSON(p.minority?.rawValue)
        b.append(","); b.key("sami"); b.appendJSON(p.sami)
        b.append(","); b.key("minority_language"); b.appendJSON(p.minorityLanguage)
        b.append(","); b.key("guardians"); b.append("[")
        for (i, g) in p.guardians.enumerated() {
            if i > 0 { b.append(",") }
            b.append("{"); b.key("number"); b.appendJSON(g.number)
            b.append(","); b.key("name"); b.appendJSON(g.name)
            b.append(","); b.key("phone"); b.appendJSON(g.phone)
            b.append(","); b.key("email"); b.appendJSON(g.email)
            b.append(","); b.key("needs_interpreter"); b.appendJSON(g.needsInterpreter)
            b.append(","); b.key("language"); b.appendJSON(g.language)
            b.append("}")
        }
        b.append("]},\n ")
        b.key("effect_profile"); b.appendJSON(c.profileKey)
        b.append(","); b.key("planted"); b.append("{")
        b.key("first_contact_working_days"); b.appendJSON(c.planted.firstContact)
        b.append(","); b.key("activity_plan_working_days"); b.appendJSON(c.planted.activityPlan)
        b.append(","); b.key("closure_days"); b.appendJSON(c.planted.closure)
        b.append("},"); b.key("guardian_needs_interpreter"); b.appendJSON(p.needsInterpreter)
        b.append(","); b.key("knowledge"); b.appendJSON(c.knowledgeWritten ? Timestamp(seconds: c.knowledge) : nil)
        b.append(","); b.key("true_knowledge"); b.appendJSON(Timestamp(seconds: c.knowledge))
        b.append(","); b.key("reported_by"); b.appendJSON(c.reportedBy?.rawValue)
        b.append(","); b.key("violations"); b.append("[")
        b.append(c.violations.map { "\"\($0.rawValue)\"" }.joined(separator: ","))
        b.append("],"); b.key("ethnicity_based"); b.appendJSON(c.violations.contains { $0.isEthnicityBased })
        b.append(","); b.key("perpetrator"); b.appendJSON(c.perpetrator?.rawValue)
        b.append(","); b.key("perpetrator_count")
        if let n = c.perpetratorCount { b.append(int: n) } else { b.append("null") }
        b.append(",\n "); b.key("events"); b.append("[")
        for (i, e) in v.events.enumerated() {
            if i > 0 { b.append(",") }
            b.append("{"); b.key("kind"); b.appendJSON(e.kind.rawValue)
            b.append(","); b.key("time"); b.appendJSON(e.time)
            if let x = e.initiative { b.append(","); b.key("initiative"); b.appendJSON(x.rawValue) }
            if let x = e.channel { b.append(","); b.key("channel"); b.appendJSON(x.rawValue) }
            if let x = e.minutesSent { b.append(","); b.key("minutes_sent"); b.appendJSON(x) }
            if let x = e.guardiansTookPart { b.append(","); b.key("guardians_took_part"); b.appendJSON(x) }
            if let x = e.service { b.append(","); b.key("service"); b.appendJSON(x.rawValue) }
            if let x = e.breach { b.append(","); b.key("breach"); b.appendJSON(x) }
            b.append("}")
        }
        b.append("],\n "); b.key("home_contact_count"); b.append(int: v.events.filter { $0.kind == .homeContact }.count)
        var services = Set<String>()
        for e in v.events { if let s = e.service { services.insert(s.rawValue) } }
        b.append(","); b.key("external_services"); b.append("[")
        b.append(services.sorted().map { "\"\($0)\"" }.joined(separator: ","))
        let decision = v.events.last { $0.kind == .countyGovernorDecision }?.breach
        b.append("],"); b.key("county_governor_decision")
        b.appendJSON(decision.map { $0 ? CountyGovernorDecision.breach.rawValue : CountyGovernorDecision.noBreach.rawValue })
        b.append(","); b.key("closing")
        if let closing = v.closing {
            b.append("{"); b.key("time"); b.appendJSON(closing.time)
            b.append(","); b.key("reason"); b.appendJSON(closing.reason?.rawValue); b.append("}")
        } else {
            b.append("null")
        }
        b.append(","); b.key("reopened"); b.appendJSON(v.reopened)
        b.append(","); b.key("repeat_of")
        if let (orgnr, number) = c.repeatOf {
            b.append("{"); b.key("school_orgnr"); b.appendJSON(orgnr)
            b.append(","); b.key("case_number"); b.appendJSON(number); b.append("}")
        } else {
            b.append("null")
        }
        b.append(","); b.key("faults"); b.append("[")
        b.append(c.faults.map { "\"\($0)\"" }.joined(separator: ","))
        b.append("],"); b.key("note"); b.appendJSON(c.note)
        b.append(",\n "); b.key("appearances"); b.append("[")
        for (i, (file, version)) in appearances.enumerated() {
            if i > 0 { b.append(",") }
            b.append("{"); b.key("file"); b.appendJSON(file)
            b.append(","); b.key("last_changed"); b.appendJSON(Timestamp(seconds: version.lastChanged))
            b.append(","); b.key("closed"); b.appendJSON(version.closing != nil)
            b.append(","); b.key("events"); b.append(int: version.events.count)
            b.append("}")
        }
        b.append("]}")
    }

    /// Every personal string this case put into an export.
    func notePersonalValues(_ c: SyntheticCase, _ truth: TruthWriter) {
        let p = c.pupil
        truth.personal(c.number)
        truth.personal(p.number)
        truth.personal(p.localId)
        truth.personal(p.fullName)
        for g in p.guardians {
            truth.personal(g.number)
            truth.personal(g.name)
            truth.personal(g.phone)
            truth.personal(g.email)
        }
        truth.personal(c.note)
        for f in c.noteFragments { truth.personal(f) }
    }

    func truthTail(files: [GenerationSummary.File], tally: TruthTally) -> [UInt8] {
        var b = RecordBuffer()
        b.append("\"files\": [")
        for (i, f) in files.enumerated() {
            if i > 0 { b.append(",") }
            b.append("\n{"); b.key("name"); b.appendJSON(f.name)
            b.append(","); b.key("format"); b.appendJSON(f.format.rawValue)
            b.append(","); b.key("kommunenr"); b.appendJSON(f.municipality)
            b.append(","); b.key("encoding"); b.appendJSON(f.style.encoding.rawValue)
            b.append(","); b.key("compression"); b.appendJSON(f.style.compression.rawValue)
            b.append(","); b.key("gzip_members"); b.append(int: f.gzipMembers)
            b.append(","); b.key("line_ending"); b.appendJSON(f.style.lineEnding.rawValue)
            b.append(","); b.key("records"); b.append(int: f.records)
            b.append(","); b.key("bytes"); b.append(String(f.bytes))
            b.append(","); b.key("uncompressed_bytes"); b.append(String(f.uncompressedBytes))
            b.append("}")
        }
        b.append("\n],\n\"summary\": {")
        b.key("cases"); b.append(int: tally.cases)
        func object(_ name: StaticString, _ dict: [String: Int]) {
            b.append(","); b.key(name); b.append("{")
            for (i, (k, v)) in dict.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { b.append(",") }
                b.appendJSON(k); b.append(":"); b.append(int: v)
            }
            b.append("}")
        }
        object("by_immigrant_group", tally.byImmigrantGroup)
        object("by_effect_profile", tally.byProfile)
        object("by_municipality", tally.byMunicipality)
        object("by_pupil_number_kind", tally.identifiedBy)
        object("faults", tally.faults)
        object("counts", tally.counts)
        b.append(","); b.key("unencodable_characters"); b.append(int: tally.unencodable)
        b.append("}")
        return b.bytes
    }
}
