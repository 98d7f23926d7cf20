import Foundation
import Pseudonymize
import SaksgangCore
import TestSupport
import XCTest

final class PseudonymKeyTests: XCTestCase {
    private var dir: URL!
    private let goodHex = String(repeating: "3c", count: 32)

    override func setUp() { dir = RepoPaths.temporaryDirectory("saksgang-key") }
    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    private func write(_ text: String, mode: Int, name: String = "key") throws -> String {
        let path = dir.appendingPathComponent(name).path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    private func assertRefused(_ path: String, mentioning phrase: String, notLeaking secret: String? = nil,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try PseudonymKey(contentsOfFile: path), file: file, line: line) { error in
            guard let e = error as? SaksgangError else {
                return XCTFail("not a SaksgangError: \(type(of: error))", file: file, line: line)
            }
            XCTAssertEqual(e.code, .key, file: file, line: line)
            XCTAssertTrue(e.message.contains(phrase), "message: \(e.message)", file: file, line: line)
            if let secret {
                XCTAssertFalse(e.description.contains(secret), "message quotes the key file", file: file, line: line)
            }
        }
    }

    func testLoadsAGoodKeyWithOrWithoutNewlineAndInEitherCase() throws {
        let a = try PseudonymKey(contentsOfFile: write(goodHex + "\n", mode: 0o600, name: "a"))
        let b = try PseudonymKey(contentsOfFile: write(goodHex, mode: 0o600, name: "b"))
        let c = try PseudonymKey(contentsOfFile: write(goodHex.uppercased() + "\r\n", mode: 0o400, name: "c"))
        XCTAssertEqual(a.id, b.id)
        XCTAssertEqual(a.id, c.id)
        XCTAssertEqual(a.id, try PseudonymKey(hex: goodHex).id)
        XCTAssertNotEqual(a.id, try PseudonymKey(hex: String(repeating: "3d", count: 32)).id)
        // Longer keys are fine.
        XCTAssertNoThrow(try PseudonymKey(contentsOfFile: write(goodHex + goodHex + "\n", mode: 0o600, name: "d")))
    }

    func testRefusesAMissingFile() {
        assertRefused(dir.appendingPathComponent("absent").path, mentioning: "does not exist")
    }

    func testRefusesAFileOthersCanReadOrWrite() throws {
        assertRefused(try write(goodHex + "\n", mode: 0o640, name: "g"), mentioning: "group or others")
        assertRefused(try write(goodHex + "\n", mode: 0o604, name: "o"), mentioning: "group or others")
        assertRefused(try write(goodHex + "\n", mode: 0o620, name: "gw"), mentioning: "chmod 600")
        assertRefused(try write(goodHex + "\n", mode: 0o602, name: "ow"), mentioning: "0602")
    }

    func testRefusesShortKeys() throws {
        let short = String(goodHex.dropLast(2))  // 31 bytes
        assertRefused(try write(short + "\n", mode: 0o600), mentioning: "too short", notLeaking: short)
        assertRefused(try write("", mode: 0o600, name: "empty"), mentioning: "empty")
        assertRefused(try write("\n", mode: 0o600, name: "nl"), mentioning: "empty")
        XCTAssertThrowsError(try PseudonymKey(hex: short))
    }

    func testRefusesTextThatIsNotHex() throws {
        let notHex = String(goodHex.dropLast()) + "g"
        assertRefused(try write(notHex + "\n", mode: 0o600, name: "g"), mentioning: "not a hex", notLeaking: notHex)
        assertRefused(try write(goodHex + "\n\n", mode: 0o600, name: "twonl"), mentioning: "not a hex")
        assertRefused(try write(" " + goodHex, mode: 0o600, name: "space"), mentioning: "not a hex")
        assertRefused(try write(String(goodHex.prefix(32)) + " " + String(goodHex.suffix(32)), mode: 0o600, name: "mid"),
                      mentioning: "not a hex")
        assertRefused(try write(goodHex + "a\n", mode: 0o600, name: "odd"), mentioning: "odd number")
    }

    func testFollowsSymlinksAndChecksTheTarget() throws {
        let target = try write(goodHex + "\n", mode: 0o600, name: "target")
        let link = dir.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertEqual(try PseudonymKey(contentsOfFile: link).id, try PseudonymKey(hex: goodHex).id)

        let loose = try write(goodHex + "\n", mode: 0o644, name: "loose")
        let looseLink = dir.appendingPathComponent("looselink").path
        try FileManager.default.createSymbolicLink(atPath: looseLink, withDestinationPath: loose)
        assertRefused(looseLink, mentioning: "group or others")
    }

    func testRefusesADirectoryAndAHugeFile() throws {
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: sub.path)
        assertRefused(sub.path, mentioning: "not a regular file")
        assertRefused(try write(String(repeating: "ab", count: 5000), mode: 0o600, name: "huge"), mentioning: "too large")
    }

    func testCreateWritesAPrivateFileAndNeverOverwrites() throws {
        let path = dir.appendingPathComponent("new.key").path
        let created = try PseudonymKey.create(atPath: path)

        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text.count, 65)
        XCTAssertTrue(text.hasSuffix("\n"))
        XCTAssertTrue(text.dropLast().allSatisfy { "0123456789abcdef".contains($0) })
        XCTAssertEqual(try PseudonymKey(contentsOfFile: path).id, created.id)

        XCTAssertThrowsError(try PseudonymKey.create(atPath: path)) { error in
            XCTAssertEqual((error as? SaksgangError)?.code, .key)
            XCTAssertTrue((error as? SaksgangError)?.message.contains("already exists") ?? false)
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text, "existing key was changed")

        // Not through a symbolic link either, even a dangling one.
        let dangling = dir.appendingPathComponent("dangling").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir.appendingPathComponent("nowhere").path)
        XCTAssertThrowsError(try PseudonymKey.create(atPath: dangling))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("nowhere").path))

        // Fresh randomness each time.
        let other = try PseudonymKey.create(atPath: dir.appendingPathComponent("other.key").path)
        XCTAssertNotEqual(other.id, created.id)
    }

    func testIdIsShortStablePublicAndNotTheKey() throws {
        let key = try PseudonymKey(hex: goodHex)
        XCTAssertEqual(key.id, try PseudonymKey(hex: goodHex + "\n").id)
        XCTAssertEqual(key.id.count, 17)
        XCTAssertTrue(key.id.hasPrefix("k"))
        XCTAssertTrue(key.id.dropFirst().allSatisfy { "0123456789abcdef".contains($0) })

        // No rendering of the key shows its material.
        var dumped = ""
        dump(key, to: &dumped)
        for rendering in [key.description, String(describing: key), String(reflecting: key), dumped, "\(key)"] {
            XCTAssertFalse(rendering.lowercased().contains("3c3c3c3c"), "key material in: \(rendering.count) chars")
            XCTAssertTrue(rendering.contains(key.id))
        }
        // The id is not a piece of the key hex.
        let randomPath = dir.appendingPathComponent("r.key").path
        let random = try PseudonymKey.create(atPath: randomPath)
        let hex = try String(contentsOfFile: randomPath, encoding: .utf8)
        XCTAssertFalse(hex.contains(random.id.dropFirst()))
    }
}
