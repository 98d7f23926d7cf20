import Disclose
import Store

extension IngestedFile {
    /// The counts the manifest and the report's file table give for the file.
    var counts: FileCounts {
        FileCounts(records: records, inserted: inserted, updated: updated, duplicates: duplicates, quarantined: quarantined)
    }
}

extension FileOutcome {
    /// The counts the manifest and the report's file table give for the file.
    var counts: FileCounts {
        FileCounts(records: records, inserted: inserted, updated: updated, duplicates: duplicates, quarantined: quarantined)
    }
}
