import SaksgangCore
import XCTest

final class CaseMergeTests: XCTestCase {
    private func at(_ s: Int64) -> Timestamp { Timestamp(seconds: 1_740_000_000 + s) }

    private func piece(_ events: [Event], closing: Closing? = nil, lastChanged: Int64, grade: Int? = nil) -> Case {
        var c = Case(id: Pseudonym("p"), source: "timeline", school: School(orgnr: "970180419", municipality: "1804"),
                     lastChanged: at(lastChanged), exportTime: at(lastChanged + 10),
                     pupil: Pupil(id: nil, identifiedBy: .none, grade: grade), knowledge: at(0), events: events,
                     closing: closing)
        c.normalize()
        return c
    }

    func testPiecesMergeIntoOneCase() {
        let contact = Event(kind: .homeContact, time: at(3600))
        let meeting = Event(kind: .meeting, time: at(7200))
        let a = piece([meeting], lastChanged: 100, grade: 5)
        let b = piece([contact, meeting], closing: Closing(time: at(90_000), reason: .resolved), lastChanged: 300)
        let m = a.merging(b)
        XCTAssertEqual(m.events, [contact, meeting], "each event once, in time order")
        XCTAssertEqual(m.closing?.reason, .resolved)
        XCTAssertEqual(m.lastChanged, at(300))
        XCTAssertEqual(m.exportTime, at(310))
        XCTAssertEqual(m.pupil.grade, 5, "a fact one piece lacks comes from the other")
        XCTAssertEqual(m.homeContactCount, 1)
        XCTAssertEqual(b.merging(a).events, m.events, "order of pieces does not matter for events")
        XCTAssertEqual(m.merging(a), m, "merging a piece already in adds nothing")
    }

    func testTheLaterClosingWins() {
        let early = piece([], closing: Closing(time: at(1000), reason: .other), lastChanged: 1)
        let late = piece([], closing: Closing(time: at(5000), reason: .resolved), lastChanged: 2)
        XCTAssertEqual(early.merging(late).closing?.reason, .resolved)
        XCTAssertEqual(late.merging(early).closing?.reason, .resolved)
    }
}
