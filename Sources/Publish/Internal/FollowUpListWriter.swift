import Foundation
import Measure
import SaksgangCore

/// Writes the internal follow-up list of internal control into `internal/` of the output
/// folder: every deviation by school (organisation number), kind and case pseudonym, with the
/// pupil's pseudonym, for the key holder to look up with `saksgang lookup`. It is not for
/// publication: it stands apart from report.html and the tables, never enters them, says so
/// in a note beside it, and holds pseudonyms and codes only, never an identity.
public enum FollowUpListWriter {
    public static let folder = "internal"
    /// The quarantine file, beside the list: its entries per file would give the files'
    /// withheld counts, so it is the operator's, not for publication either.
    public static let quarantineName = "internal/quarantine.jsonl"
    public static let listName = "internal/avvik-til-oppfolging.csv"
    public static let noteName = "internal/IKKE-FOR-PUBLISERING.txt"
    public static let header = ["skole_orgnr", "avvik", "avvik_tekst", "sak_pseudonym", "elev_pseudonym"]

    /// Writes the list and its note; returns their manifest entries (names under `internal/`).
    public static func write(_ entries: [DeviationFollowUp.Entry], to directory: String) throws -> [OutputFile] {
        let folder = directory + "/" + Self.folder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw SaksgangError(.ioError, "cannot create the internal folder", at: .init(file: folder))
        }
        let output = try OutputDirectory(directory)
        return [try output.write(list(entries), as: listName), try output.write(Data(note.utf8), as: noteName)]
    }

    /// The list as CSV (UTF-8, comma, CRLF), sorted by school, kind and case pseudonym.
    static func list(_ entries: [DeviationFollowUp.Entry]) -> Data {
        var text = header.joined(separator: ",") + "\r\n"
        for e in entries.sorted() {
            let cells = [e.school, e.kind.rawValue, e.kind.label.bokmal, e.casePseudonym.value, e.pupilPseudonym?.value ?? ""]
            text += cells.map(TablesCSV.field).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    static let note = """
    IKKE FOR PUBLISERING – INTERN OPPFØLGING

    avvik-til-oppfolging.csv lister hvert avvik (internkontroll etter kommuneloven § 25-1) med
    skolens organisasjonsnummer, type avvik og sakens og elevens pseudonym. Pseudonymene er
    nøkkelbaserte: bare den som har nøkkelen, kan finne en sak, ved å regne ut pseudonymet til et
    kjent saksnummer med `saksgang lookup --kind case --school <orgnr> --key <nøkkelfil>` og
    sammenligne. Ingen kan gå fra pseudonym til person.

    quarantine.jsonl lister hver post og fil som ble satt til side, med fil, posisjon, felt og
    årsak (aldri en personverdi). Den er for driften: tallet på poster per fil kan være tall på
    saker fra én skole.

    Filene skal ikke publiseres, deles med forskere eller legges ved rapporten. De er ikke med i
    report.html, tables.csv, tables.json eller tabeller-excel.csv.

    NOT FOR PUBLICATION – internal follow-up list of deviations by school, kind and pseudonym,
    and the quarantine file (for the operator).

    """
}
