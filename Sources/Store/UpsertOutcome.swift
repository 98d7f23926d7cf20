/// What `CaseStore.upsert` did with an incoming case, compared with the stored version of
/// the same key (id, school orgnr) by `lastChanged`.
public enum UpsertOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// No stored version: stored.
    case inserted
    /// The incoming `lastChanged` is later: it replaced the stored version.
    case updated
    /// The same `lastChanged`: the stored version is kept. When the incoming case differs
    /// from it only by a later `exportTime`, that export time is raised on the stored case
    /// (the content is the same, now known to hold at a later export); any other
    /// difference at an equal `lastChanged` keeps the stored version as it was.
    case duplicate
    /// The incoming `lastChanged` is earlier: the newer stored version is kept.
    case stale
}
