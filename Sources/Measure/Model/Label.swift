/// A text in the report's two languages, declared next to what it describes so that a
/// metric, a grouping or a category carries its own words.
public struct Label: Sendable, Hashable {
    public let bokmal: String
    public let english: String

    public init(_ bokmal: String, _ english: String) {
        self.bokmal = bokmal
        self.english = english
    }

    /// The same text in both languages (codes, numbers, names).
    public init(verbatim: String) {
        self.init(verbatim, verbatim)
    }
}
