/// A personal value (identity number, local id, case number) on its way from a reader to
/// the pseudonymiser. It never prints itself: interpolating it into a log line or an error
/// gives `‹redacted›`, so a slip in a message cannot leak what it holds.
public struct Sensitive: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The value. Read it only to validate or pseudonymise it.
    public let revealed: String

    public init(_ value: String) { self.revealed = value }

    public var description: String { "‹redacted›" }
    public var debugDescription: String { "‹redacted›" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
