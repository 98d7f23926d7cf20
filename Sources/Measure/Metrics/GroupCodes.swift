/// The group codes of one grouping met so far, numbered in the order they are met: the
/// cells of a table are found by number, and a code is spelled out only to publish it.
struct GroupCodes: Sendable {
    private(set) var codes: [String] = []
    private var numbers: [String: Int] = [:]

    /// The number of `code`, numbering it if it is new.
    mutating func number(_ code: String) -> Int {
        if let n = numbers[code] { return n }
        numbers[code] = codes.count
        codes.append(code)
        return codes.count - 1
    }

    /// The number of a code met before; nil for a code never met.
    func number(of code: String) -> Int? { numbers[code] }
}
