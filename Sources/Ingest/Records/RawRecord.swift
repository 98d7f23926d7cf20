/// What a reader hands the mapping engine for one record: the captured values, by the
/// capture slots the compiled mapping asked for, and where the record sits in its file.
/// Readers fill slots; they know nothing of what the slots mean.
public struct RawRecord: Sendable {
    /// Per capture slot, every occurrence in document order (an attribute on repeated
    /// elements gives several values).
    public var values: [[String]]
    /// Per group (repeated sub-elements such as events), one item per occurrence, each with
    /// the value of every capture slot of that group (nil when absent).
    public var groups: [[[String?]]]
    public var position: RecordPosition

    public init(slotCount: Int, groupSlotCounts: [Int], position: RecordPosition) {
        values = Array(repeating: [], count: slotCount)
        groups = Array(repeating: [], count: groupSlotCounts.count)
        self.position = position
    }

    /// The first non-empty value of a slot.
    public func first(_ slot: Int) -> String? {
        values[slot].first { !$0.isEmpty }
    }
}

/// Where a record sits in its file: the record's ordinal, its first line, the byte offset
/// of its start in the decoded stream, and (XML) its element path.
public struct RecordPosition: Sendable, Equatable, Codable {
    public var record: Int
    public var line: Int
    public var byteOffset: Int64
    public var elementPath: String?

    public init(record: Int, line: Int, byteOffset: Int64, elementPath: String? = nil) {
        self.record = record
        self.line = line
        self.byteOffset = byteOffset
        self.elementPath = elementPath
    }
}
