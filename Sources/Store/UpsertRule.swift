import SaksgangCore

/// The rule every store applies to an incoming case against the stored version of its key
/// (see `UpsertOutcome`): a later `lastChanged` replaces it, an earlier one is stale, and at
/// an equal one the stored version stays, with its export time raised when the incoming case
/// is the same content from a later export.
enum UpsertRule {
    /// What to do with `incoming` when the stored version has `lastChanged` and `exportTime`:
    /// the outcome, and whether `incoming` is written. `stored` reads the stored case, and is
    /// called only at an equal `lastChanged` with a later incoming export.
    static func decide(_ incoming: Case, storedLastChanged: Timestamp, storedExportTime: Timestamp,
                       stored: () throws(SaksgangError) -> Case?) throws(SaksgangError) -> (outcome: UpsertOutcome, write: Bool) {
        if storedLastChanged < incoming.lastChanged { return (.updated, true) }
        if incoming.lastChanged < storedLastChanged { return (.stale, false) }
        if storedExportTime < incoming.exportTime, var old = try stored() {
            old.exportTime = incoming.exportTime
            // The same content, now known to hold at a later export.
            if old == incoming { return (.duplicate, true) }
        }
        return (.duplicate, false)
    }
}
