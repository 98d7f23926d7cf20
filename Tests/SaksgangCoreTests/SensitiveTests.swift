import SaksgangCore
import XCTest

final class SensitiveTests: XCTestCase {
    func testNeverPrintsItsValue() {
        let s = Sensitive("14831456869")
        XCTAssertEqual("\(s)", "‹redacted›")
        XCTAssertEqual(String(describing: s), "‹redacted›")
        XCTAssertEqual(String(reflecting: s), "‹redacted›")
        var dumped = ""
        dump(s, to: &dumped)
        XCTAssertFalse(dumped.contains("1483"))
        XCTAssertFalse("\([s])".contains("1483"))
        XCTAssertFalse("\(Optional(s) as Any)".contains("1483"))
        XCTAssertEqual(s.revealed, "14831456869")
    }

    func testErrorDescriptionNamesPlaceNotValue() {
        let e = SaksgangError(.unknownCode, "gender (Elev/@kjonn) holds an unknown code",
                              at: .init(file: "smx_4601_20250620.xml", line: 12, elementPath: "/Eksport/Skole/Sak", record: 3, field: "gender"))
        XCTAssertEqual(e.description, "smx_4601_20250620.xml, record 3, line 12, element /Eksport/Skole/Sak, field gender: unknown_code: gender (Elev/@kjonn) holds an unknown code")
    }
}
