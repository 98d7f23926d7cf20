/// What an XML reader captures, compiled from a mapping: the path of the record element,
/// the values to take inside it or from its ancestors, and repeated groups (events).
/// All names are local names.
public struct XMLCapturePlan: Sendable, Equatable {
    public struct Slot: Sendable, Equatable {
        /// Element steps below the record (or below the group element); empty = itself.
        public var steps: [String]
        /// When set, an ancestor of the record at this depth (1 = the root) instead.
        public var ancestorDepth: Int?
        /// nil: the element's text.
        public var attribute: String?
    }

    public struct Group: Sendable, Equatable {
        public var steps: [String]
        public var slots: [Slot]
    }

    public var recordPath: [String]
    public var slots: [Slot]
    public var groups: [Group]
}
