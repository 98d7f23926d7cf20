/// A category of a categorised metric: its code (the `category` column) and its words.
public struct Category: Sendable, Hashable {
    public let code: String
    public let label: Label
    public init(code: String, label: Label) {
        self.code = code
        self.label = label
    }
}
