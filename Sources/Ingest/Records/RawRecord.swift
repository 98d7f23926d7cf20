/// What a reader hands the mapping engine for one record: the captured values, by the
/// capture slots the compiled mapping asked for, and where the record sits in its file.
/// Readers fill slots; they know nothing of what the slots mean.
///
/// Every value's UTF-8 bytes sit back to back in one buffer and a slot holds a byte range
/// into it: the readers copy bytes once and make no `String`, and the mapper makes one only
/// for a value it keeps (a date is parsed from its bytes). A String per value and an array
/// per event were about a third of the XML reading thread's time (malloc, free,
/// retain/release, UTF-8 validation) in a profile of 100,000 cases.
///
/// A slot holds one value or none in nearly every record, so its first value's range sits
/// in an array by slot and only further occurrences go to a second list.
public struct RawRecord: Sendable {
    /// Where one value lies in `bytes`.
    struct Span: Sendable {
        var start: Int
        var end: Int
        /// No value (the slot did not occur); an empty value is an empty range.
        static let absent = Span(start: -1, end: -1)
        var isAbsent: Bool { start < 0 }
    }

    /// The UTF-8 bytes of every captured value, in the order captured.
    private(set) var bytes: [UInt8] = []
    /// Per capture slot, its first occurrence.
    private(set) var firstSpans: [Span]
    /// Occurrences after a slot's first, in document order.
    private(set) var moreSpans: [(slot: Int, span: Span)] = []
    /// Occurrences of groups (repeated sub-elements such as events) in document order: the
    /// group, and where its slots' values start in `groupSpans`.
    private(set) var groupItems: [(group: Int, base: Int)] = []
    /// Per group item, the value of each of its group's capture slots (absent when none).
    private(set) var groupSpans: [Span] = []
    /// Per group, its number of capture slots.
    private let groupSlotCounts: [Int]
    public var position: RecordPosition

    /// How large a record's buffers were: the next record of the file starts with these
    /// capacities (records of a file are much alike; growing the buffers value by value
    /// cost several reallocations per record).
    struct Sizes: Sendable {
        var bytes = 0
        var groupItems = 0
        var groupSpans = 0
    }

    /// The sizes this record's buffers reached.
    var sizes: Sizes { Sizes(bytes: bytes.count, groupItems: groupItems.count, groupSpans: groupSpans.count) }

    public init(slotCount: Int, groupSlotCounts: [Int], position: RecordPosition) {
        self.init(slotCount: slotCount, groupSlotCounts: groupSlotCounts, position: position, sizes: Sizes())
    }

    init(slotCount: Int, groupSlotCounts: [Int], position: RecordPosition, sizes: Sizes) {
        firstSpans = Array(repeating: .absent, count: slotCount)
        self.groupSlotCounts = groupSlotCounts
        self.position = position
        if sizes.bytes > 0 { bytes.reserveCapacity(sizes.bytes) }
        if sizes.groupItems > 0 {
            groupItems.reserveCapacity(sizes.groupItems)
            groupSpans.reserveCapacity(sizes.groupSpans)
        }
    }

    /// Per capture slot, every occurrence in document order (an attribute on repeated
    /// elements gives several values).
    public var values: [[String]] {
        (0..<firstSpans.count).map { values(ofSlot: $0) }
    }

    /// Per group, one item per occurrence, each with the value of every capture slot of that
    /// group (nil when absent).
    public var groups: [[[String?]]] {
        var out = [[[String?]]](repeating: [], count: groupSlotCounts.count)
        for item in groupItems {
            out[item.group].append((0..<groupSlotCounts[item.group]).map { s in
                let span = groupSpans[item.base + s]
                return span.isAbsent ? nil : string(span)
            })
        }
        return out
    }

    /// The number of capture slots.
    public var slotCount: Int { firstSpans.count }

    // MARK: Filling (readers)

    /// Adds an occurrence of `slot`.
    mutating func append(_ value: String, slot: Int) {
        append(slot: slot) { $0.append(contentsOf: value.utf8) }
    }

    /// Adds an occurrence of `slot` from UTF-8 bytes.
    mutating func append(_ value: UnsafeBufferPointer<UInt8>, slot: Int) {
        append(slot: slot) { $0.append(contentsOf: value) }
    }

    /// Adds an occurrence of `slot` whose UTF-8 bytes `write` appends to the buffer it is
    /// given (a CSV field unescaped and transcoded straight into the record).
    mutating func append(slot: Int, writing write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        let span = Span(start: start, end: bytes.count)
        if firstSpans[slot].isAbsent { firstSpans[slot] = span } else { moreSpans.append((slot, span)) }
    }

    /// Opens a new occurrence of `group`, with no values yet.
    mutating func openItem(ofGroup group: Int) {
        groupItems.append((group, groupSpans.count))
        groupSpans.append(contentsOf: repeatElement(.absent, count: groupSlotCounts[group]))
    }

    /// Sets `slot` of the last open occurrence of `group` (none open: nothing). With
    /// `replacing` false a value already there is kept.
    mutating func setLastItem(ofGroup group: Int, slot: Int, to value: UnsafeBufferPointer<UInt8>, replacing: Bool) {
        guard let item = groupItems.last(where: { $0.group == group }) else { return }
        let index = item.base + slot
        guard replacing || groupSpans[index].isAbsent else { return }
        let start = bytes.count
        bytes.append(contentsOf: value)
        groupSpans[index] = Span(start: start, end: bytes.count)
    }

    // MARK: Reading (mapper)

    /// Whether `slot` occurred at all (an empty value counts).
    func occurs(_ slot: Int) -> Bool {
        slot < firstSpans.count && !firstSpans[slot].isAbsent
    }

    /// Every occurrence of `slot`, in document order.
    func values(ofSlot slot: Int) -> [String] {
        guard slot < firstSpans.count, !firstSpans[slot].isAbsent else { return [] }
        var out = [string(firstSpans[slot])]
        for more in moreSpans where more.slot == slot { out.append(string(more.span)) }
        return out
    }

    /// The first occurrence of `slot` that `accept` takes, transformed; in document order.
    func firstValue<T>(ofSlot slot: Int, _ accept: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        guard slot < firstSpans.count, !firstSpans[slot].isAbsent else { return nil }
        if let t = withBytes(firstSpans[slot], accept) { return t }
        for more in moreSpans where more.slot == slot {
            if let t = withBytes(more.span, accept) { return t }
        }
        return nil
    }

    /// The value of `slot` in the group item whose values start at `base`, if present.
    func groupValue<T>(item base: Int, slot: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        let span = groupSpans[base + slot]
        return span.isAbsent ? nil : withBytes(span, body)
    }

    /// The value of `slot` in the group item whose values start at `base` as a String.
    func groupString(item base: Int, slot: Int) -> String? {
        let span = groupSpans[base + slot]
        return span.isAbsent ? nil : string(span)
    }

    /// The first non-empty value of a slot.
    public func first(_ slot: Int) -> String? {
        firstValue(ofSlot: slot) { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
    }

    private func withBytes<T>(_ span: Span, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[span.start..<span.end]))
        }
    }

    private func string(_ span: Span) -> String {
        withBytes(span) { String(decoding: $0, as: UTF8.self) }!
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
