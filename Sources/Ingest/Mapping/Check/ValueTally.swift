import SaksgangCore

/// What the values of one mapped field looked like across sample records: how many records
/// had a value, which canonical codes it became, which vendor codes its table lacks. Only
/// counts and canonical codes are kept; a vendor's raw value is kept only when the field
/// holds codes and the value looks like one (short, few digits), and shown only when there
/// are few of them, so that a `from` that by mistake points at a name or an identity number
/// never prints one.
struct ValueTally: Sendable {
    let label: String
    let domain: ValueDomain
    let hasTable: Bool
    var present = 0
    /// Canonical codes the values became (code, boolean and country domains only).
    var codes: [String: Int] = [:]
    /// Values a code table translated to null (unknown).
    var nulls = 0
    /// Vendor values not in the code table (or not canonical without a table): by value,
    /// when showable.
    var missing: [String: Int] = [:]
    /// Values not in the table or not canonical, counted whether or not they may be shown.
    var missingCount = 0
    var unshowable = false

    init(label: String, domain: ValueDomain, hasTable: Bool) {
        self.label = label
        self.domain = domain
        self.hasTable = hasTable
    }

    /// At most this many distinct vendor values are kept: more is no code column.
    static let maxDistinct = 20

    mutating func add(_ values: [String], table: [String: String?]?) {
        guard !values.isEmpty else { return }
        present += 1
        for v in values {
            var canonical: String? = v
            if let table {
                guard let mapped = table[v] else {
                    miss(v)
                    continue
                }
                guard let m = mapped else {
                    nulls += 1
                    continue
                }
                canonical = m
            }
            guard let c = canonical else { continue }
            if domain.refusal(c) == nil {
                if domain.showsValues { codes[c, default: 0] += 1 }
            } else if !hasTable {
                miss(v)
            }
        }
    }

    private mutating func miss(_ v: String) {
        missingCount += 1
        guard domain.showsValues, !unshowable, Self.looksLikeCode(v) else {
            unshowable = true
            missing.removeAll()
            return
        }
        missing[v, default: 0] += 1
        if missing.count > Self.maxDistinct {
            unshowable = true
            missing.removeAll()
        }
    }

    /// A code: at most 24 characters, no space, at most 3 digits.
    static func looksLikeCode(_ v: String) -> Bool {
        v.count <= 24 && !v.contains(" ") && v.filter(\.isNumber).count <= 3
    }

    func top(_ n: Int) -> [(String, Int)] {
        codes.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(n).map { ($0.key, $0.value) }
    }
}
