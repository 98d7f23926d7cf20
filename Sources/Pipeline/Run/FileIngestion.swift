import Ingest
import SaksgangCore
import Store

/// What happens to the records of one file inside its transaction: each is pseudonymised,
/// then stored, or quarantined with its reason; data-quality notes are listed beside them.
/// A format that delivers one row per event gathers the rows of a case first and merges them
/// with the stored case at the end of the file.
struct FileIngestion {
    let name: String
    let store: any CaseStore
    let pseudonymization: CasePseudonymization
    let piecewise: Bool

    private(set) var outcome: FileOutcome
    private(set) var quarantine = QuarantineLog()
    private var seen = Set<SeenCase>()
    private var pieces: [CaseKey: (case: Case, rows: Int)] = [:]
    private var pieceOrder: [CaseKey] = []

    init(outcome: FileOutcome, mapping: CompiledMapping, store: any CaseStore, pseudonymization: CasePseudonymization,
         quarantineCap: Int = QuarantineLog.defaultCap) {
        self.quarantine = QuarantineLog(cap: quarantineCap)
        self.name = outcome.name
        self.outcome = outcome
        self.store = store
        self.pseudonymization = pseudonymization
        self.piecewise = mapping.spec.layout == .eventPerRecord
    }

    /// One record as the reader delivered it.
    mutating func accept(_ result: Result<IdentifiedCase, SaksgangError>) throws(SaksgangError) {
        // The record is read where the reader's result holds it: copying it out first cost a
        // retain and a release of each of its strings and arrays.
        switch result {
        case .failure(let e): reject(e)
        case .success(let identified): try accept(identified)
        }
    }

    private mutating func accept(_ identified: IdentifiedCase) throws(SaksgangError) {
        let (c, note) = pseudonymization.apply(identified)
        if !piecewise && !seen.insert(SeenCase(id: c.id)).inserted {
            reject(SaksgangError(.duplicateInFile, "the same case appears more than once in this file",
                                 at: identified.position.location(file: name)), caseID: c.id)
            return
        }
        // Stored, but named: a data-quality problem is listed beside the rejects.
        if !identified.warnings.isEmpty || note != nil {
            outcome.warnings += 1
            let here = identified.position.location(file: name)
            for w in identified.warnings { quarantine.add(w.at(here), scope: "warning", file: name, caseID: c.id) }
            if let note { quarantine.add(note.at(here), scope: "warning", file: name, caseID: c.id) }
        }

        if piecewise {
            // One row per event: gather the case's rows, wherever they are in the file. The
            // gathered case is merged in place, so the dictionary's copy is the only one.
            let key = CaseKey(c)
            if let i = pieces.index(forKey: key) {
                pieces.values[i].case = pieces.values[i].case.merging(c)
                pieces.values[i].rows += 1
            } else {
                pieces[key] = (c, 1)
                pieceOrder.append(key)
            }
            return
        }
        switch try store.upsert(c) {
        case .inserted: outcome.inserted += 1
        case .updated: outcome.updated += 1
        case .duplicate, .stale: outcome.duplicates += 1
        }
    }

    /// Merges the gathered cases with what is stored. Rows count as: the first row of a new
    /// case inserted, every other row of a case that changed updated, the rows of a case that
    /// added nothing duplicates.
    mutating func storePieces() throws(SaksgangError) {
        for key in pieceOrder {
            // Each gathered case is let go once stored: the file's cases are not all held twice.
            let (piece, rows) = pieces.removeValue(forKey: key)!
            let stored = try store.storedCase(id: key.id, orgnr: key.orgnr)
            let merged = stored.map { $0.merging(piece) } ?? piece
            if let stored, stored == merged {
                outcome.duplicates += rows
            } else if try store.replace(merged) == .inserted {
                outcome.inserted += 1
                outcome.updated += rows - 1
            } else {
                outcome.updated += rows
            }
        }
    }

    /// The file's shape (an unknown or missing optional column), listed beside the record
    /// warnings so that the operator finds it in the same place.
    mutating func note(fileWarning w: SaksgangError) {
        quarantine.add(w.at(.init(file: name)), scope: "warning", file: name)
    }

    mutating func finish(records: Int) { outcome.records = records }

    mutating func summarizeQuarantine() { quarantine.summarize() }

    private mutating func reject(_ e: SaksgangError, caseID: Pseudonym? = nil) {
        outcome.quarantined += 1
        quarantine.add(e, scope: "record", file: name, caseID: caseID)
    }
}

/// A case id in a file's duplicate check, hashed and first compared by its first eight
/// characters, read once: the characters of a keyed pseudonym are uniformly random, so eight
/// of them spread the set as well as all 26 do. Hashing the whole `String`, and comparing ids
/// of the same length byte by byte at every bucket a look-up probes, was about a tenth of the
/// ingesting thread's own work per record. Equal when the ids are equal.
private struct SeenCase: Hashable {
    let id: Pseudonym
    /// The id's first eight bytes (0 for a shorter id, which only costs spread).
    let head: UInt64

    init(id: Pseudonym) {
        self.id = id
        let head = id.value.utf8.withContiguousStorageIfAvailable { utf8 in
            utf8.count >= 8 ? UnsafeRawBufferPointer(utf8).loadUnaligned(as: UInt64.self) : 0
        }
        self.head = head ?? 0
    }

    static func == (a: SeenCase, b: SeenCase) -> Bool { a.head == b.head && a.id == b.id }

    func hash(into hasher: inout Hasher) { hasher.combine(head) }
}
