import Foundation
import Generate
import SaksgangCore
import XCTest

/// Where a municipality delivers both formats, the same case carries the same values in both
/// (at the precision both carry), and every personal value written is in truth's list.
final class FormatAgreementTests: XCTestCase {
    let run = GeneratedRun.standard

    /// Instant of `2025-03-04T10:12:00+01:00`.
    static func isoInstant(_ s: String) -> Int64 {
        let p = s.split(whereSeparator: { "-T:+".contains($0) }).map { Int($0)! }
        let d = LocalDate(year: p[0], month: p[1], day: p[2])!
        return Int64(d.daysSinceEpoch) * 86_400 + Int64(p[3] * 3600 + p[4] * 60 + p[5]) - Int64(p[6] * 3600)
    }

    /// Instant of `04.03.2025 10:12`, Oslo local time.
    static func norwegianInstant(_ s: String) -> Int64 {
        let p = s.split(whereSeparator: { ". :".contains($0) }).map { Int($0)! }
        return OsloTime.utcSeconds(date: LocalDate(year: p[2], month: p[1], day: p[0])!, hour: p[3], minute: p[4], second: 0)
    }

    func testBothFormatsAgree() throws {
        var smx: [String: SMXDocument.Sak] = [:]
        for name in run.files("smx_") {
            for sak in SMXDocument.parse(try Gunzip.contents(of: run.url(name)).bytes).cases {
                smx[sak.orgnr + " " + sak.attributes["id"]!] = sak
            }
        }
        var latest: [String: [String: String]] = [:]
        for name in run.files("smc_") {
            let table = try SMCTable.parse(Gunzip.contents(of: run.url(name)).bytes)
            for row in table.rows {
                let fields = Dictionary(uniqueKeysWithValues: zip(table.header, row))
                let key = fields["skole_orgnr"]! + " " + fields["saksnr"]!
                if let old = latest[key],
                   Self.norwegianInstant(old["sist_endret"]!) >= Self.norwegianInstant(fields["sist_endret"]!) { continue }
                latest[key] = fields
            }
        }
        var compared = 0
        for (key, row) in latest {
            guard let sak = smx[key] else { continue }
            compared += 1
            XCTAssertEqual(Self.isoInstant(sak.attributes["sistEndret"]!), Self.norwegianInstant(row["sist_endret"]!))
            XCTAssertEqual(sak.elev["fnr"] ?? "", row["elev_fnr"])
            XCTAssertEqual(sak.elev["innvandringskategori"], row["innvandringskategori"])
            XCTAssertEqual(sak.elev["samisk"] == "true", row["samisk"] == "ja")
            XCTAssertEqual(sak.texts["Navn"]?.first, row["elev_navn"])
            XCTAssertEqual(sak.kjennskap["tidspunkt"].map(Self.isoInstant), row["meldt_dato"].flatMap { $0.isEmpty ? nil : Self.norwegianInstant($0) })
            let contacts = sak.events.filter { $0["type"] == "kontakt_hjem" }.map { Self.isoInstant($0["tidspunkt"]!) }
            XCTAssertEqual(contacts.min(), row["forste_kontakt_hjem"].flatMap { $0.isEmpty ? nil : Self.norwegianInstant($0) })
            XCTAssertEqual(String(contacts.count), row["kontakter_hjem_antall"])
            XCTAssertEqual(sak.avsluttet?["arsak"] ?? "", row["avslutningsarsak"])
            XCTAssertEqual(sak.texts["Notat"]?.first ?? "", row["kommentar"].map { $0.replacingOccurrences(of: "\r\n", with: "\n") })
        }
        XCTAssertGreaterThan(compared, 100, "cases delivered in both formats")
    }

    func testEveryPersonalValueIsListed() throws {
        let personal = Set(try run.truth()["personal_values"] as! [String])
        for name in run.files("smx_") {
            for sak in SMXDocument.parse(try Gunzip.contents(of: run.url(name)).bytes).cases {
                var values = [sak.attributes["id"]!] + sak.guardianNumbers
                values += [sak.elev["fnr"], sak.elev["lokalId"]].compactMap { $0 }
                for kind in ["Navn", "Telefon", "Epost", "Notat"] { values += sak.texts[kind] ?? [] }
                for v in values { XCTAssertTrue(personal.contains(v), "\(name): a \(sak.texts.keys.sorted()) value is missing from personal_values") }
            }
        }
        for name in run.files("smc_") {
            let table = try SMCTable.parse(Gunzip.contents(of: run.url(name)).bytes)
            for row in table.rows {
                for column in ["saksnr", "elev_fnr", "elev_lokal_id", "elev_navn"] where !row[table.column(column)].isEmpty {
                    XCTAssertTrue(personal.contains(row[table.column(column)]), "\(name): \(column) missing from personal_values")
                }
            }
        }
    }

    /// The free text holds the pupil's name and a phone number, so a leak test has something
    /// to catch.
    func testNotesHoldNamesAndPhoneNumbers() throws {
        var withName = 0, withPhone = 0
        for c in try run.truthCases() {
            let note = c["note"] as! String
            let name = ((c["pupil"] as! [String: Any])["name"] as! String).split(separator: " ").first.map(String.init)!
            if note.contains(name) { withName += 1 }
            if note.range(of: #"[49]\d{2} ?\d{2} ?\d{3}|[49]\d \d{2} \d{2} \d{2}"#, options: .regularExpression) != nil { withPhone += 1 }
        }
        XCTAssertGreaterThan(withName, 1000)
        XCTAssertGreaterThan(withPhone, 500)
    }
}
