import Foundation
import Measure
import SaksgangCore

/// What the last report published, kept in the state directory for the next night's
/// control (docs/disclosure.md, "Across nights"): the figures exactly as published, the
/// true value of every cell they carry (so the next control knows a feasible point of the
/// two publications together), the audit, and the day the figures describe.
public struct PreviousPublication: Sendable, Codable, Equatable {
    /// The day the figures describe (yyyy-mm-dd).
    public var asOf: String
    public var threshold: Int
    public var figures: [Figure]
    /// Cell key (quantity, grouping, group) → true value.
    public var truth: [String: Int]
    public var audit: AuditReport

    public init(asOf: String, threshold: Int, figures: [Figure], truth: [String: Int], audit: AuditReport) {
        self.asOf = asOf
        self.threshold = threshold
        self.figures = figures
        self.truth = truth
        self.audit = audit
    }

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", threshold, figures, truth, audit
    }

    public func encoded() throws(SaksgangError) -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        do { return try e.encode(self) } catch {
            throw SaksgangError(.ioError, "the publication record could not be encoded")
        }
    }

    public static func decode(_ data: Data) throws(SaksgangError) -> PreviousPublication {
        do { return try JSONDecoder().decode(PreviousPublication.self, from: data) } catch {
            throw SaksgangError(.store, "the record of the previous publication could not be read")
        }
    }
}
