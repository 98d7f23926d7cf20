import Foundation
import Generate
import Pseudonymize
import XCTest

/// SMC deltas read with a plain split honouring quotes, not the project's reader.
final class SMCFileTests: XCTestCase {
    let run = GeneratedRun.standard

    static let columns = "saksnr;skole_orgnr;kommunenr;skolenavn;sist_endret;alvorlig;elev_fnr;elev_lokal_id;elev_navn;kjonn;trinn;innvandringskategori;landbakgrunn;nasjonal_minoritet;samisk;minoritetsspraklig;tolk_foresatte;meldt_dato;meldt_av;krenkelsestyper;utover_type;utover_antall;forste_kontakt_hjem;kontakter_hjem_antall;forste_mote;referat_sendt;undersokelse_start;aktivitetsplan_dato;evaluert_dato;varslet_skoleeier;ekstern_hjelp;statsforvalter_meldt;statsforvalter_vedtak;avsluttet_dato;avslutningsarsak;kommentar"
        .split(separator: ";").map(String.init)

    func testEveryRowHasTheHeadersColumnCount() throws {
        let truth = try run.truth()
        var expected: [String: Int] = [:]
        for c in truth["cases"] as! [[String: Any]] {
            for a in c["appearances"] as! [[String: Any]] { expected[a["file"] as! String, default: 0] += 1 }
        }
        var boms = Set<Bool>(), crlf = Set<Bool>()
        var quotedSemicolon = false, quotedQuote = false, quotedLineBreak = false, emptyFields = false
        let files = run.files("smc_")
        XCTAssertGreaterThanOrEqual(files.count, 9)
        for name in files {
            XCTAssertNotNil(name.range(of: #"^smc_\d{4}_\d{8}\.csv(\.gz)?$"#, options: .regularExpression), name)
            let table = try SMCTable.parse(Gunzip.contents(of: run.url(name)).bytes)
            boms.insert(table.hadBOM)
            crlf.insert(table.usesCRLF)
            XCTAssertEqual(table.header, Self.columns, "\(name): header")
            XCTAssertEqual(table.rows.count, expected[name], "\(name): rows differ from truth")
            for row in table.rows {
                XCTAssertEqual(row.count, table.header.count, "\(name): column count")
                XCTAssertTrue(Orgnr.isValid(row[1]))
                XCTAssertNotNil(row[4].range(of: #"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$"#, options: .regularExpression))
                let note = row[35]
                quotedSemicolon = quotedSemicolon || note.contains(";")
                quotedQuote = quotedQuote || note.contains("\"")
                quotedLineBreak = quotedLineBreak || note.contains("\n")
                emptyFields = emptyFields || row[12].isEmpty || row[13].isEmpty
                XCTAssertFalse(row[6].isEmpty && row[7].isEmpty, "\(name): pupil needs fnr or local id")
            }
        }
        XCTAssertEqual(boms, [true, false], "UTF-8 with BOM and Windows-1252")
        XCTAssertEqual(crlf, [true, false], "CRLF and LF files")
        XCTAssertTrue(quotedSemicolon && quotedQuote && quotedLineBreak && emptyFields)
    }

    /// A case changed after an earlier delta reappears in a later one with a later state.
    func testDeltasRepeatCasesWithLaterState() throws {
        var reappearing = 0
        for c in try run.truthCases() {
            let smc = (c["appearances"] as! [[String: Any]]).filter { ($0["file"] as! String).hasPrefix("smc_") }
            guard smc.count >= 2 else { continue }
            reappearing += 1
            let changed = smc.map { $0["last_changed"] as! String }
            XCTAssertEqual(changed, changed.sorted(), "later delta, later sist_endret")
            XCTAssertEqual(Set(changed).count, changed.count)
        }
        XCTAssertGreaterThan(reappearing, 10)
    }
}
