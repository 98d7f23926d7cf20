import Disclose
import XCTest

final class FileCountDisclosureRuleTests: XCTestCase {
    let rule = FileCountDisclosure(threshold: 5)

    func testAFileIsPublishedOnlyWhenEveryCountIsZeroOrAtLeastK() {
        XCTAssertTrue(rule.publishes(FileCounts(records: 40, inserted: 30, updated: 10, duplicates: 0, quarantined: 0)))
        XCTAssertTrue(rule.publishes(FileCounts(records: 0, inserted: 0, updated: 0, duplicates: 0, quarantined: 0)))
        XCTAssertFalse(rule.publishes(FileCounts(records: 4, inserted: 4, updated: 0, duplicates: 0, quarantined: 0)))
        // One small part withholds the whole row (records minus the rest would give it).
        XCTAssertFalse(rule.publishes(FileCounts(records: 844, inserted: 841, updated: 0, duplicates: 0, quarantined: 3)))
        XCTAssertFalse(rule.publishes(FileCounts(records: 50, inserted: 49, updated: 1, duplicates: 0, quarantined: 0)))
    }
}
