import Foundation
import Generate
import Pseudonymize
import XCTest

/// SMX snapshots read with Foundation's XMLParser, not the project's reader.
final class SMXFileTests: XCTestCase {
    let run = GeneratedRun.standard

    func testEverySnapshotParsesAndHoldsTheCasesTruthLists() throws {
        let truth = try run.truth()
        let cases = truth["cases"] as! [[String: Any]]
        var expected: [String: Int] = [:]
        for c in cases {
            for a in c["appearances"] as! [[String: Any]] { expected[a["file"] as! String, default: 0] += 1 }
        }
        var encodings = Set<String>()
        var members = Set<Int>()
        let files = run.files("smx_")
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for name in files {
            XCTAssertNotNil(name.range(of: #"^smx_\d{4}_\d{8}\.xml(\.gz)?$"#, options: .regularExpression), name)
            let (data, m) = try Gunzip.contents(of: run.url(name))
            members.insert(m)
            let prolog = String(decoding: data.prefix(60), as: UTF8.self)
            encodings.insert(prolog.contains("ISO-8859-1") ? "latin1" : "utf8")
            let doc = SMXDocument.parse(data)
            XCTAssertNil(doc.parseError, "\(name) is not well-formed XML")
            XCTAssertEqual(doc.root["ns"], "urn:skolemiljo:eksport:1")
            XCTAssertEqual(doc.cases.count, expected[name], "\(name): Sak elements differ from truth")
            for sak in doc.cases {
                XCTAssertTrue(Orgnr.isValid(sak.orgnr))
                XCTAssertEqual(sak.elev["fnr"] == nil, sak.elev["lokalId"] != nil, "\(name): pupil needs fnr or lokalId")
                XCTAssertNotNil(sak.attributes["sistEndret"])
                XCTAssertEqual(sak.texts["Navn"]?.isEmpty, false)
            }
        }
        XCTAssertEqual(encodings, ["latin1", "utf8"], "both SMX encodings")
        XCTAssertTrue(members.contains(0) && members.contains(1) && members.contains { $0 >= 2 },
                      "plain, single-member and multi-member files")
    }

    /// Latin-1 files are really Latin-1 (æøå as single bytes) and carry Sami letters beyond
    /// it as character references that decode to the right names.
    func testLatin1FilesAreReallyLatin1() throws {
        let truth = try run.truthCases()
        var latin1Names = Set<String>()
        for name in run.files("smx_") {
            let (data, _) = try Gunzip.contents(of: run.url(name))
            guard String(decoding: data.prefix(60), as: UTF8.self).contains("ISO-8859-1") else { continue }
            XCTAssertNil(String(data: data, encoding: .utf8).flatMap { $0.contains("ø") ? $0 : nil },
                         "\(name) must not be UTF-8 with æøå")
            XCTAssertTrue(data.contains(0xF8) || data.contains(0xE5) || data.contains(0xE6), "\(name) has Latin-1 æøå")
            for sak in SMXDocument.parse(data).cases { latin1Names.formUnion(sak.texts["Navn"] ?? []) }
        }
        let personal = Set(try run.truth()["personal_values"] as! [String])
        let beyond = latin1Names.filter { $0.unicodeScalars.contains { $0.value > 0xFF } }
        XCTAssertFalse(beyond.isEmpty, "some names beyond Latin-1 (Sami, Polish) written as references")
        XCTAssertTrue(latin1Names.isSubset(of: personal), "names decode to exactly the names truth lists")
        XCTAssertGreaterThan(Set(truth.map { ($0["pupil"] as! [String: Any])["name"] as! String })
            .intersection(latin1Names).count, 10)
    }
}
