import TestSupport
import SaksgangCore
import XCTest
import Store

/// An upsert tries the insert first while recent upserts mostly inserted, else the look-up
/// first: either way every upsert has the outcome the rules give and the store ends the same.
final class SQLiteStoreUpsertOrderTests: XCTestCase {
    /// Two stores with the same cases, one leaning to inserts and one to look-ups, take the
    /// same mixed sequence (new keys, later, equal and earlier versions, later exports) and
    /// give the same outcomes and the same stored cases, which a model of the rules predicts.
    func testInsertFirstAndLookUpFirstAgree() throws {
        let inserting = try SQLiteStore(inMemory: ())
        let looking = try SQLiteStore(inMemory: ())
        let seeded = (0..<40).map { CaseFactory.make(id: "S\($0)", lastChanged: 1000, exportTime: 5000) }
        for c in seeded {
            XCTAssertEqual(try inserting.upsert(c), .inserted)
            XCTAssertEqual(try looking.upsert(c), .inserted)
        }
        // Duplicates turn one store to looking up first; the content stays the same.
        for c in seeded { XCTAssertEqual(try looking.upsert(c), .duplicate) }

        var model: [String: Case] = Dictionary(uniqueKeysWithValues: seeded.map { ($0.id.value, $0) })
        var rng = SplitMix64(seed: 20_251_128)
        for step in 0..<600 {
            // Runs of new keys and runs of known ones, so that both stores change their lean.
            let fresh = (step / 50) % 2 == 0 && rng.next() % 4 != 0
            let id = fresh ? "N\(step)" : "S\(rng.next() % 40)"
            let c = CaseFactory.make(id: id, lastChanged: 990 + Int64(rng.next() % 30),
                                     exportTime: 4990 + Int64(rng.next() % 30), grade: Int(rng.next() % 3))
            let expected: UpsertOutcome
            if let old = model[id] {
                if old.lastChanged < c.lastChanged {
                    expected = .updated
                    model[id] = c
                } else if c.lastChanged < old.lastChanged {
                    expected = .stale
                } else {
                    expected = .duplicate
                    var raised = old
                    raised.exportTime = c.exportTime
                    if old.exportTime < c.exportTime && raised == c { model[id] = c }
                }
            } else {
                expected = .inserted
                model[id] = c
            }
            XCTAssertEqual(try inserting.upsert(c), expected, "step \(step)")
            XCTAssertEqual(try looking.upsert(c), expected, "step \(step)")
        }
        var a: [Case] = [], b: [Case] = []
        try inserting.forEachCase { a.append($0) }
        try looking.forEachCase { b.append($0) }
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.count, model.count)
        XCTAssertEqual(Set(a), Set(model.values))
        XCTAssertEqual(try inserting.latestExports(), try looking.latestExports())
    }
}
