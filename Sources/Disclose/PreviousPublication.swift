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

    /// The record as `JSONEncoder` with sorted keys writes it (the store keeps these bytes;
    /// the next night decodes them), written directly: every figure and every count cell
    /// through `Encodable` was the larger part of publishing (`JSONBytes`).
    public func encoded() throws(SaksgangError) -> Data {
        Data(try encodedBytes())
    }

    /// The encoded record as bytes.
    public func encodedBytes() throws(SaksgangError) -> [UInt8] {
        var json = JSONBytes(capacity: 256 * (figures.count + truth.count + audit.intervals.count))
        do throws(JSONBytes.NotFinite) {
            json.beginObject()
            json.key("as_of"); json.string(asOf)
            json.key("audit"); json.audit(audit)
            json.key("figures")
            json.beginArray()
            for figure in figures {
                json.element()
                try json.figure(figure)
            }
            json.endArray()
            json.key("threshold"); json.int(threshold)
            json.key("truth")
            json.beginObject()
            for cell in JSONBytes.sortedKeys(truth.keys) {
                json.key(cell); json.int(truth[cell]!)
            }
            json.endObject()
            json.endObject()
        } catch {
            throw SaksgangError(.ioError, "the publication record could not be encoded")
        }
        return json.take()
    }

    /// Read straight from the bytes (`PublicationReader`), or through `JSONDecoder` when that
    /// reader does not know the record's shape.
    public static func decode(_ data: Data) throws(SaksgangError) -> PreviousPublication {
        if let record = PublicationReader.read(data) { return record }
        do { return try JSONDecoder().decode(PreviousPublication.self, from: data) } catch {
            throw SaksgangError(.store, "the record of the previous publication could not be read")
        }
    }
}
