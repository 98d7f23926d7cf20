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
        try write(to: directory) { row in
            for e in entries.sorted() {
                try row(e.school, e.kind, ArraySlice(e.casePseudonym.value.utf8), e.pupilPseudonym.map { ArraySlice($0.value.utf8) })
            }
        }
    }

    /// Writes the list of a run straight from its packed form, row by row to the file: at a
    /// million cases the list is some 200 MB of text, which is never held whole.
    public static func write(_ list: DeviationFollowUp, to directory: String) throws -> [OutputFile] {
        try write(to: directory) { row in try list.forEachEntry(row) }
    }

    private typealias Row = (_ school: String, _ kind: DeviationKind, _ casePseudonym: ArraySlice<UInt8>,
                             _ pupilPseudonym: ArraySlice<UInt8>?) throws -> Void

    private static func write(to directory: String, rows: (Row) throws -> Void) throws -> [OutputFile] {
        let folder = directory + "/" + Self.folder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw SaksgangError(.ioError, "cannot create the internal folder", at: .init(file: folder))
        }
        let output = try OutputDirectory(directory)
        let file = try OutputFileWriter(output, name: listName)
        try file.append((header.joined(separator: ",") + "\r\n").utf8)
        var list = ListRows()
        try rows { school, kind, caseID, pupilID in
            try file.append(list.row(school: school, kind: kind, casePseudonym: caseID, pupilPseudonym: pupilID))
        }
        return [try file.finish(), try output.write(Data(note.utf8), as: noteName)]
    }

    /// The bytes of one row of the list (UTF-8, comma, CRLF), with the school's and the kind's cells made
    /// once rather than per row (`TablesCSV.field` looks at every `Character`).
    private struct ListRows {
        private var school: (orgnr: String, cell: [UInt8])?
        private var kinds: [DeviationKind: [UInt8]] = [:]
        private var line: [UInt8] = []

        mutating func row(school orgnr: String, kind: DeviationKind, casePseudonym: ArraySlice<UInt8>,
                          pupilPseudonym: ArraySlice<UInt8>?) -> [UInt8] {
            line.removeAll(keepingCapacity: true)
            if school?.orgnr != orgnr { school = (orgnr, Array(TablesCSV.field(orgnr).utf8)) }
            line.append(contentsOf: school!.cell)
            line.append(UInt8(ascii: ","))
            if kinds[kind] == nil {
                kinds[kind] = Array((TablesCSV.field(kind.rawValue) + "," + TablesCSV.field(kind.label.bokmal)).utf8)
            }
            line.append(contentsOf: kinds[kind]!)
            line.append(UInt8(ascii: ","))
            Self.append(casePseudonym, to: &line)
            line.append(UInt8(ascii: ","))
            if let pupilPseudonym { Self.append(pupilPseudonym, to: &line) }
            line.append(UInt8(ascii: "\r"))
            line.append(UInt8(ascii: "\n"))
            return line
        }

        /// A cell as `TablesCSV.field` writes it: as it is unless it holds a byte that needs quotes.
        private static func append(_ value: ArraySlice<UInt8>, to line: inout [UInt8]) {
            let quoted = value.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
            if quoted {
                line.append(contentsOf: TablesCSV.field(String(decoding: value, as: UTF8.self)).utf8)
            } else {
                line.append(contentsOf: value)
            }
        }
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
