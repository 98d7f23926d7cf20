import XCTest

/// The test-side CSV reader must itself be right, or the round-trip tests prove nothing.
final class RFC4180Tests: XCTestCase {
    func testReadsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\",\"x\r\ny\"\r\n,,\r\n"
        XCTAssertEqual(try RFC4180.parse(text), [["a", "b,c", "say \"hi\"", "x\r\ny"], ["", "", ""]])
    }

    func testRejectsWhatTheRFCForbids() {
        XCTAssertThrowsError(try RFC4180.parse("a,b\n"))
        XCTAssertThrowsError(try RFC4180.parse("a,b\"c\r\n"))
        XCTAssertThrowsError(try RFC4180.parse("\"a\"b\r\n"))
        XCTAssertThrowsError(try RFC4180.parse("a,b"))
    }
}
