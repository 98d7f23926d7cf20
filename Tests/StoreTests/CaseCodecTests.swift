import TestSupport
import SaksgangCore
import XCTest
@testable import Store

final class CaseCodecTests: XCTestCase {
    private func roundTrip(_ c: Case, file: StaticString = #filePath, line: UInt = #line) throws {
        let decoded = try CaseCodec.decode(CaseCodec.encode(c))
        XCTAssertEqual(decoded, c, file: file, line: line)
    }

    func testRandomCasesRoundTrip() throws {
        var rng = SplitMix64(seed: 20250620)
        for _ in 0..<3000 { try roundTrip(CaseFactory.random(&rng)) }
    }

    func testEveryFieldSetAndEveryFieldNilRoundTrip() throws {
        try roundTrip(CaseFactory.full())
        try roundTrip(CaseFactory.bare())
        // The nil/false/true distinction of optional bools survives.
        var c = CaseFactory.bare()
        for value in [nil, false, true] as [Bool?] {
            c.serious = value
            c.pupil.sami = value
            try roundTrip(c)
        }
    }

    func testExtremeNumbersAndDateOnlyTimesRoundTrip() throws {
        var c = CaseFactory.full()
        for seconds: Int64 in [.min, .min + 1, -86_400, -1, 0, 1, 1_750_406_400, .max - 1, .max] {
            for hasTime in [false, true] {
                c.lastChanged = Timestamp(seconds: seconds, hasTime: hasTime)
                c.events[0].time = Timestamp(seconds: seconds, hasTime: hasTime)
                c.pupil.grade = Int(seconds)
                c.perpetratorCount = 0 &- Int(truncatingIfNeeded: seconds)
                try roundTrip(c)
            }
        }
    }

    func testEventListsEmptyAndLong() throws {
        var rng = SplitMix64(seed: 7)
        var c = CaseFactory.full()
        c.events = []
        try roundTrip(c)
        c.events = (0..<5000).map { _ in CaseFactory.event(&rng) }
        try roundTrip(c)
    }

    func testEveryEnumValueRoundTrips() throws {
        var c = CaseFactory.full()
        for v in PupilIdentification.allCases { c.pupil.identifiedBy = v; try roundTrip(c) }
        for v in Gender.allCases { c.pupil.gender = v; try roundTrip(c) }
        for v in ImmigrantCategory.allCases { c.pupil.immigrantCategory = v; try roundTrip(c) }
        for v in NationalMinority.allCases { c.pupil.nationalMinority = v; try roundTrip(c) }
        for v in Reporter.allCases { c.reportedBy = v; try roundTrip(c) }
        c.violations = ViolationKind.allCases
        for v in PerpetratorKind.allCases { c.perpetrator = v; try roundTrip(c) }
        c.externalServices = ExternalService.allCases
        for v in CountyGovernorDecision.allCases { c.countyGovernorDecision = v; try roundTrip(c) }
        for v in ClosingReason.allCases { c.closing = Closing(time: c.lastChanged, reason: v); try roundTrip(c) }
        c.events = EventKind.allCases.flatMap { kind in
            ContactChannel.allCases.map { Event(kind: kind, time: CaseFactory.june20, channel: $0) }
                + ContactInitiative.allCases.map { Event(kind: kind, time: CaseFactory.june20, initiative: $0) }
                + ExternalService.allCases.map { Event(kind: kind, time: CaseFactory.june20, service: $0) }
        }
        try roundTrip(c)
    }

    /// One fixed case in its committed bytes: a change to the format fails here, and must
    /// come with a new version byte and a migration of stored bodies.
    func testGoldenEncoding() throws {
        let golden = """
            01114341534550534555444f4e594d4141414103736d78093937343630303935310434363031010c
            42657267656e20736b6f6c650280acb2fb0c028086f7840d0280d4a8850d020110505550494c5053
            4555444f4e594d424208645f6e756d62657201014a010e0101430102534f01066b76656e736b0102
            0101e0c3a8fb0c0108666f726573617474020676657262616c0965746e6973697465740105666c65
            72650106040c6b6f6e74616b745f686a656d02c0c6befb0c0105736b6f6c65010774656c65666f6e
            00000000046d6f746501e0e7e7fb0c0000020200000d656b737465726e5f686a656c700280b5acfc
            0c00000000010350505400157374617473666f7276616c7465725f76656474616b0280d994800d00
            000000000101020103505054010a696b6b655f6272756464010280fdfc830d01046c6f7374
            """
        let bytes = CaseCodec.encode(CaseFactory.full())
        XCTAssertEqual(hex(bytes), golden.filter { !$0.isWhitespace }, "the case body format changed")
        XCTAssertEqual(try CaseCodec.decode(fromHex(golden)), CaseFactory.full())
    }

    func testUnknownVersionIsRefused() {
        var bytes = CaseCodec.encode(CaseFactory.full())
        for v: UInt8 in [0, 2, 0xFF] {
            bytes[0] = v
            XCTAssertThrowsError(try CaseCodec.decode(bytes)) { error in
                XCTAssertEqual((error as? SaksgangError)?.code, .store)
                XCTAssertEqual((error as? SaksgangError)?.location.field, "version")
            }
        }
    }

    func testEveryTruncationAndTrailingBytesAreRefused() {
        let bytes = CaseCodec.encode(CaseFactory.full())
        for n in 0..<bytes.count {
            XCTAssertThrowsError(try CaseCodec.decode(Array(bytes.prefix(n))), "prefix of \(n) bytes") { error in
                XCTAssertEqual((error as? SaksgangError)?.code, .store)
            }
        }
        XCTAssertThrowsError(try CaseCodec.decode(bytes + [0]))
    }

    func testUnknownCodeAndBadFlagsAreRefused() throws {
        let bytes = CaseCodec.encode(CaseFactory.full())
        // Change one letter of the pupil's identification code ("d_number" → "x_number").
        let code = Array("d_number".utf8)
        let at = try XCTUnwrap((0...(bytes.count - code.count)).first { Array(bytes[$0..<$0 + code.count]) == code })
        var damaged = bytes
        damaged[at] = UInt8(ascii: "x")
        XCTAssertThrowsError(try CaseCodec.decode(damaged)) { error in
            XCTAssertEqual((error as? SaksgangError)?.location.field, "pupil.identifiedBy")
            XCTAssertFalse(String(describing: error).contains("x_number"))
        }
        // A presence byte of 7 where the school name's flag sits.
        var badFlag = bytes
        let nameFlag = 1 + 1 + 17 + 1 + 3 + 1 + 9 + 1 + 4
        XCTAssertEqual(badFlag[nameFlag], 1)
        badFlag[nameFlag] = 7
        XCTAssertThrowsError(try CaseCodec.decode(badFlag)) { error in
            XCTAssertEqual((error as? SaksgangError)?.location.field, "school.name")
        }
    }

    func testEnumsAreStoredByRawString() {
        // Raw strings, not indices: the stored bytes contain the canonical codes.
        let bytes = CaseCodec.encode(CaseFactory.full())
        for raw in ["fodselsnummer", "d_number", "foresatt", "etnisitet", "kontakt_hjem", "lost"] {
            let needle = Array(raw.utf8)
            let found = bytes.count >= needle.count
                && (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<$0 + needle.count]) == needle }
            XCTAssertEqual(found, raw != "fodselsnummer", raw)
        }
    }
}

func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
}

func fromHex(_ s: String) -> [UInt8] {
    let chars = Array(s.filter { !$0.isWhitespace })
    return stride(from: 0, to: chars.count - 1, by: 2).map { UInt8(String(chars[$0...$0 + 1]), radix: 16)! }
}
