import Foundation
import SaksgangCore

/// Turns identities into keyed pseudonyms: HMAC-SHA-256 under the school owner's key over
/// a domain prefix per kind and the identity, truncated to 128 bits, in base32
/// (26 lower-case characters; privacy.md §1).
///
/// The same identity under the same key gives the same pseudonym in every run; another
/// key gives unlinkable ones; nobody can go back from a pseudonym to the identity.
///
/// Collisions: with n identities the chance that any two share a 128-bit pseudonym is at
/// most n²/2¹²⁹; for n = 10⁸ (every pupil and guardian Norway will ever have, many times
/// over) that is about 1.5·10⁻²³.
///
/// Values are hashed as the UTF-8 bytes of their Unicode NFC form, so canonically
/// equivalent spellings (composed or decomposed "Å") get one pseudonym. Local ids and
/// case numbers are trimmed of surrounding whitespace; national numbers are normalised
/// (`IdentityNumber.normalize`) but not validated here: use `resolvePupil` or
/// `IdentityNumber.classify` first.
///
/// Every call computes the pseudonym (an HMAC, ≈0.6 µs); nothing is memoised, so the type is
/// immutable and safe to share across threads. A memo did not pay: in a night's ingest most
/// records name a case and a pupil not met before in the run (only the cases a later file
/// updates repeat a case number, 9 % of the records at 100,000 generated cases; 52,153 pupils
/// in the 58,828 SMC records), and its locked look-up and insert cost more than the HMACs it
/// saved. A forward lookup asks for one value.
public final class Pseudonymizer: Sendable, CustomStringConvertible, CustomReflectable {
    /// The public id of the key in use.
    public let keyID: String

    private let mac: HMACSHA256

    public init(key: PseudonymKey) {
        keyID = key.id
        mac = HMACSHA256(material: key.material)
    }

    // MARK: Kinds

    /// The pseudonym of a pupil identified by a national identity number (fødselsnummer,
    /// D-, H- or synthetic number). Pass the normalised number; separators are removed
    /// here anyway so that "DDMMYY IIIKK" and "DDMMYYIIIKK" cannot become two people.
    public func pupil(nationalNumber: String) -> Pseudonym {
        compute(.pupil, Self.digitsOnly(nationalNumber))
    }

    /// The pseudonym of a pupil known only by a vendor's local id. Local ids are unique
    /// only within one source system and school, so both scope the pseudonym.
    public func pupil(localId: String, source: String, school: String) -> Pseudonym {
        computeScoped(.pupilLocal, source, school, value: Self.trimmed(localId))
    }

    /// The pseudonym of a guardian identified by a national identity number. A guardian and
    /// a pupil with the same number get different pseudonyms.
    public func guardian(nationalNumber: String) -> Pseudonym {
        compute(.guardian, Self.digitsOnly(nationalNumber))
    }

    /// The pseudonym of a case: its case number within a school (case numbers repeat
    /// across schools).
    public func caseID(caseNumber: String, school: String) -> Pseudonym {
        computeScoped(.caseNumber, school, value: Self.trimmed(caseNumber))
    }

    // MARK: Sensitive conveniences

    public func pupil(nationalNumber: Sensitive) -> Pseudonym { pupil(nationalNumber: nationalNumber.revealed) }

    public func pupil(localId: Sensitive, source: String, school: String) -> Pseudonym {
        pupil(localId: localId.revealed, source: source, school: school)
    }

    public func guardian(nationalNumber: Sensitive) -> Pseudonym { guardian(nationalNumber: nationalNumber.revealed) }

    public func caseID(caseNumber: Sensitive, school: String) -> Pseudonym {
        caseID(caseNumber: caseNumber.revealed, school: school)
    }

    public var description: String { "Pseudonymizer(key \(keyID))" }
    public var customMirror: Mirror { Mirror(self, children: ["keyID": keyID]) }

    // MARK: Computing

    /// The pseudonym of a whole message: HMAC over prefix ‖ UTF-8(NFC(message)), first 16
    /// bytes, base32.
    func compute(_ domain: PseudonymDomain, _ message: String) -> Pseudonym {
        var canonical = Self.isASCII(message) ? message : message.precomposedStringWithCanonicalMapping
        return canonical.withUTF8 { pseudonym(domain, canonicalBytes: UnsafeRawBufferPointer($0)) }
    }

    /// `compute(domain, Self.scoped(scope, value))` for a scope of one or two parts, without
    /// building the message `String` (and the scope's array) when every part is ASCII and no
    /// scope part needs escaping, the usual case: NFC leaves ASCII as it is, so the message's
    /// bytes are laid out on the stack as they are. Anything else takes the general path.
    /// Building the message was about a tenth of the ingesting thread's pseudonymising.
    func computeScoped(_ domain: PseudonymDomain, _ first: String, _ second: String? = nil,
                       value: String) -> Pseudonym {
        guard Self.isPlainScope(first), second.map(Self.isPlainScope) ?? true, Self.isASCII(value) else {
            return compute(domain, Self.scoped(second.map { [first, $0] } ?? [first], value))
        }
        var parts = (first, second ?? "", value)
        let count = parts.0.utf8.count + 1 + (second == nil ? 0 : parts.1.utf8.count + 1) + parts.2.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { message in
            var n = 0
            func append(_ s: inout String, separated: Bool) {
                s.withUTF8 { utf8 in
                    if let start = utf8.baseAddress { (message.baseAddress! + n).update(from: start, count: utf8.count) }
                    n += utf8.count
                }
                if separated {
                    message[n] = 0
                    n += 1
                }
            }
            append(&parts.0, separated: true)
            if second != nil { append(&parts.1, separated: true) }
            append(&parts.2, separated: false)
            return pseudonym(domain, canonicalBytes: UnsafeRawBufferPointer(start: message.baseAddress, count: n))
        }
    }

    /// HMAC over prefix ‖ the message's canonical bytes, first 16 bytes, base32.
    private func pseudonym(_ domain: PseudonymDomain, canonicalBytes: UnsafeRawBufferPointer) -> Pseudonym {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { out in
            mac.authenticate(prefix: domain.prefix, messageBytes: canonicalBytes, into: out.baseAddress!)
            return Pseudonym(Base32.encode(UnsafeBufferPointer(rebasing: out[0..<16])))
        }
    }

    // MARK: Framing

    private static func isASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }

    private static func digitsOnly(_ s: String) -> String {
        s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? s : IdentityNumber.normalize(s)
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// A scope part that appears in the message as it is: ASCII without `\` or NUL.
    private static func isPlainScope(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x5C && $0 != 0x00 }
    }

    static func trimmed(_ s: String) -> String {
        // ASCII ends are decided on their bytes (a last byte below 0x80 is the last scalar),
        // without looking up Unicode properties: there only 0x09–0x0D and 0x20 are White_Space.
        if let first = s.utf8.first, let last = s.utf8.last, first < 0x80, last < 0x80,
           !isASCIIWhitespace(first), !isASCIIWhitespace(last) {
            return s
        }
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace
        else { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Scope parts each escaped and followed by NUL, then the value (see `PseudonymDomain`).
    static func scoped(_ scope: [String], _ value: String) -> String {
        var out = ""
        out.reserveCapacity(scope.reduce(value.utf8.count) { $0 + $1.utf8.count + 1 })
        for part in scope {
            if part.utf8.contains(where: { $0 == 0x5C || $0 == 0x00 }) {
                for ch in part.unicodeScalars {
                    switch ch {
                    case "\\": out += "\\\\"
                    case "\u{0}": out += "\\0"
                    default: out.unicodeScalars.append(ch)
                    }
                }
            } else {
                out += part
            }
            out += "\u{0}"
        }
        out += value
        return out
    }
}
