import Pseudonymize
import XCTest

/// RFC 4231 test vectors for HMAC-SHA-256, through the pre-keyed shim with an empty prefix.
final class HMACSHA256Tests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    func testRFC4231Vectors() {
        let longKey = [UInt8](repeating: 0xaa, count: 131)
        let cases: [(String, [UInt8], String, String)] = [
            ("1", [UInt8](repeating: 0x0b, count: 20), "Hi There",
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            ("2", Array("Jefe".utf8), "what do ya want for nothing?",
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ("6", longKey, "Test Using Larger Than Block-Size Key - Hash Key First",
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            ("7", longKey,
             "This is a test using a larger than block-size key and a larger than block-size data. "
                + "The key needs to be hashed before being used by the HMAC algorithm.",
             "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ]
        for (name, key, data, expected) in cases {
            let mac = HMACSHA256(key: key)
            XCTAssertEqual(hex(mac.authenticate(prefix: [], message: Array(data.utf8))), expected, "case \(name)")
            // The pre-keyed state is reused, not consumed.
            XCTAssertEqual(hex(mac.authenticate(prefix: [], message: Array(data.utf8))), expected, "case \(name) again")
        }
    }

    func testPrefixIsPrependedToTheMessage() {
        let mac = HMACSHA256(key: Array("Jefe".utf8))
        let whole = mac.authenticate(prefix: [], message: Array("what do ya want for nothing?".utf8))
        XCTAssertEqual(mac.authenticate(prefix: Array("what do ya ".utf8), message: Array("want for nothing?".utf8)), whole)
        XCTAssertNotEqual(mac.authenticate(prefix: Array("what do ya".utf8), message: Array("want for nothing?".utf8)), whole)
    }
}
