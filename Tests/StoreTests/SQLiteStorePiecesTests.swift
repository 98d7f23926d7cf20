import SaksgangCore
import Store
import TestSupport
import XCTest

/// What formats that deliver a case in pieces need: read back the stored case, and write a
/// merged one whatever its last-changed time.
final class SQLiteStorePiecesTests: XCTestCase {
    func testStoredCaseAndReplace() throws {
        let store = try SQLiteStore(inMemory: ())
        let a = CaseFactory.make(id: "A", lastChanged: 2000, grade: 5)
        XCTAssertNil(try store.storedCase(id: a.id, orgnr: a.school.orgnr))
        XCTAssertEqual(try store.replace(a), .inserted)
        XCTAssertEqual(try store.storedCase(id: a.id, orgnr: a.school.orgnr), a)
        // An earlier last-changed time is written all the same: the caller merged it.
        let merged = CaseFactory.make(id: "A", lastChanged: 1000, grade: 6)
        XCTAssertEqual(try store.replace(merged), .updated)
        XCTAssertEqual(try store.storedCase(id: a.id, orgnr: a.school.orgnr), merged)
        XCTAssertEqual(try store.caseCount(), 1)
        XCTAssertNil(try store.storedCase(id: a.id, orgnr: "000000000"), "the key includes the school")
    }
}
