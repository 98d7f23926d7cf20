/// A school owner's local target for a metric, as the pipeline file states it, in words a
/// reader understands ("samme eller neste arbeidsdag").
public struct TargetDescription: Sendable, Equatable, Codable {
    /// The metric's machine name (`time_to_first_contact`, …).
    public var metric: String
    /// The target in plain words, in the report's language.
    public var text: String

    public init(metric: String, text: String) {
        self.metric = metric
        self.text = text
    }
}
