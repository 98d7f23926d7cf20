import Ingest
import SaksgangCore

/// One reading of an XML input by a capture plan: every record's captured values and the
/// error that ended it.
public struct XMLReading: Equatable {
    public struct Record: Equatable {
        var values: [[String]]
        var groups: [[[String?]]]
        var number: Int
    }

    public var records: [Record] = []
    public var error: SaksgangError.Code?

    public init(_ bytes: [UInt8], plan: XMLCapturePlan, inputChunk: Int) {
        var records: [Record] = []
        error = FuzzInput.outcome {
            try XMLRecordReader(plan: plan).read(MemoryByteSource(bytes, maxChunk: inputChunk)) { raw in
                guard raw.values.count == plan.slots.count, raw.groups.count == plan.groups.count else {
                    FuzzInput.finding("XML record has the wrong number of slots or groups")
                }
                for (g, items) in raw.groups.enumerated() where items.contains(where: { $0.count != plan.groups[g].slots.count }) {
                    FuzzInput.finding("XML group item has the wrong number of slots")
                }
                guard raw.position.record == records.count + 1 else { FuzzInput.finding("XML record numbers are not consecutive") }
                records.append(Record(values: raw.values, groups: raw.groups, number: raw.position.record))
            }
        }?.code
        self.records = records
    }
}
