/// What a reader hands the mapping engine for one record: the captured values, by the
/// capture slots the compiled mapping asked for, and where the record sits in its file.
/// Readers fill slots; they know nothing of what the slots mean.
///
/// A slot holds one value or none in nearly every record, so its first value sits in an
/// array by slot and only further occurrences go to a second list: one allocation per
/// record for the values instead of one per slot (a CSV row has thirty).
public struct RawRecord: Sendable {
    /// Per capture slot, its first occurrence.
    private(set) var firstValues: [String?]
    /// Occurrences after a slot's first, in document order.
    private(set) var moreValues: [(slot: Int, value: String)] = []
    /// Per group (repeated sub-elements such as events), one item per occurrence, each with
    /// the value of every capture slot of that group (nil when absent).
    public var groups: [[[String?]]]
    public var position: RecordPosition

    public init(slotCount: Int, groupSlotCounts: [Int], position: RecordPosition) {
        firstValues = Array(repeating: nil, count: slotCount)
        groups = Array(repeating: [], count: groupSlotCounts.count)
        self.position = position
    }

    /// Per capture slot, every occurrence in document order (an attribute on repeated
    /// elements gives several values).
    public var values: [[String]] {
        (0..<firstValues.count).map { values(ofSlot: $0) }
    }

    /// The number of capture slots.
    public var slotCount: Int { firstValues.count }

    /// Adds an occurrence of `slot`.
    mutating func append(_ value: String, slot: Int) {
        if firstValues[slot] == nil { firstValues[slot] = value } else { moreValues.append((slot, value)) }
    }

    /// Whether `slot` occurred at all (an empty value counts).
    func occurs(_ slot: Int) -> Bool {
        slot < firstValues.count && firstValues[slot] != nil
    }

    /// Every occurrence of `slot`, in document order.
    func values(ofSlot slot: Int) -> [String] {
        guard slot < firstValues.count, let first = firstValues[slot] else { return [] }
        var out = [first]
        for more in moreValues where more.slot == slot { out.append(more.value) }
        return out
    }

    /// The first occurrence of `slot` that `accept` takes, transformed; in document order.
    func firstValue<T>(ofSlot slot: Int, _ accept: (String) -> T?) -> T? {
        guard slot < firstValues.count, let first = firstValues[slot] else { return nil }
        if let t = accept(first) { return t }
        for more in moreValues where more.slot == slot {
            if let t = accept(more.value) { return t }
        }
        return nil
    }

    /// The first non-empty value of a slot.
    public func first(_ slot: Int) -> String? {
        firstValue(ofSlot: slot) { $0.isEmpty ? nil : $0 }
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
