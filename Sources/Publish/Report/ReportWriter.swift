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

    /// The files are made and written on the machine's cores (`ParallelWork`), each let go
    /// once written; the bytes do not depend on the number of cores.
    public static func write(_ content: ReportContent, to directory: String) throws(SaksgangError) -> [OutputFile] {
        let rows = (content.figures + content.dataQuality).map(\.published)
        let files: [(String, () throws(SaksgangError) -> Data)] = [
            ("report.html", { Data(ReportPage(content).render().utf8) }),
            (TablesCSV.fileName, { TablesCSV.data(rows) }),
            (TablesJSON.fileName, { () throws(SaksgangError) -> Data in
                do {
                    return try TablesJSON.data(rows, asOf: content.asOf, threshold: content.threshold)
                } catch {
                    throw SaksgangError(.ioError, "cannot encode the tables as JSON", at: .init(file: TablesJSON.fileName))
                }
            }),
            (ExcelTablesCSV.fileName, { ExcelTablesCSV.data(rows, schoolNames: content.schoolNames) }),
            (TablesSchema.fileName, { TablesSchema.data() }),
            (Codebook.fileName, { Codebook.data(threshold: content.threshold) }),
        ]
        let output = try OutputDirectory(directory)
        return try ParallelWork.map(files.count) { k throws(SaksgangError) -> OutputFile in
            try output.write(try files[k].1(), as: files[k].0)
        }
    }
}
