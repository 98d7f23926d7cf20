import Foundation
import Measure
import SaksgangCore

/// Writes the published report: `report.html` for readers, `tables.csv` and `tables.json`
/// for researchers with `tables.schema.json` and `codebook.md` beside them,
/// `tabeller-excel.csv` for Excel set to Norwegian. The same content gives
/// the same bytes: no clock, no random ids, the figures in the order given, numbers
/// formatted without the machine's locale.
public enum ReportWriter {
    /// The files `write` produces, in the order it returns them.
    public static let fileNames = [
        "report.html", TablesCSV.fileName, TablesJSON.fileName, ExcelTablesCSV.fileName, TablesSchema.fileName, Codebook.fileName,
    ]

    public static func write(_ content: ReportContent, to directory: String) throws -> [OutputFile] {
        let rows = (content.figures + content.dataQuality).map(\.published)
        let json: Data
        do {
            json = try TablesJSON.data(rows, asOf: content.asOf, threshold: content.threshold)
        } catch {
            throw SaksgangError(.ioError, "cannot encode the tables as JSON", at: .init(file: TablesJSON.fileName))
        }
        // Each file is made, written and let go before the next is made: only one of them
        // (and tables.json) is held at a time.
        let files: [(String, () -> Data)] = [
            ("report.html", { Data(ReportPage(content).render().utf8) }),
            (TablesCSV.fileName, { TablesCSV.data(rows) }),
            (TablesJSON.fileName, { json }),
            (ExcelTablesCSV.fileName, { ExcelTablesCSV.data(rows, schoolNames: content.schoolNames) }),
            (TablesSchema.fileName, { TablesSchema.data() }),
            (Codebook.fileName, { Codebook.data(threshold: content.threshold) }),
        ]
        let output = try OutputDirectory(directory)
        return try files.map { try output.write($0.1(), as: $0.0) }
    }
}
