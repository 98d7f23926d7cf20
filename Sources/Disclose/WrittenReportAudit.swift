import Foundation
import Measure
import SaksgangCore

/// Audits a report already written: the figures of its `tables.json`, the threshold and
/// the school register of its `audit.json`. Finds what a reader of the folder could find.
public enum WrittenReportAudit {
    private struct Tables: Decodable {
        var threshold: Int
        var rows: [Figure]
    }

    public static func audit(outputDirectory: String, exact: Bool = false) throws(SaksgangError) -> AuditReport {
        let folder = URL(fileURLWithPath: outputDirectory)
        let tables: Tables
        do {
            tables = try JSONDecoder().decode(Tables.self, from: Data(contentsOf: folder.appendingPathComponent("tables.json")))
        } catch {
            throw SaksgangError(.configuration, "tables.json could not be read", at: .init(file: "tables.json"))
        }
        let previous: AuditReport
        do { previous = try AuditReport.decode(Data(contentsOf: folder.appendingPathComponent("audit.json"))) } catch let e as SaksgangError {
            throw e
        } catch {
            throw SaksgangError(.configuration, "audit.json could not be read", at: .init(file: "audit.json"))
        }
        return try DisclosureControl(threshold: tables.threshold).audit(published: tables.rows,
                                                                         municipalityOfSchool: previous.municipalityOfSchool, exact: exact)
    }
}
