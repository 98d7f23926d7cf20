/// Pairs of group numbers met so far (a crossing's two groups; a school and a group for the
/// comparisons within schools), numbered in the order they are met. Kept as a grid of the
/// first number by the second, so that finding a pair's number costs two array reads
/// instead of building and hashing a joined code for every case.
struct GroupPairs: Sendable {
    /// grid[first][second]: the pair's number, or -1 for a pair not met.
    private var grid: [[Int32]] = []
    private(set) var pairs: [(first: Int, second: Int)] = []

    /// The number of the pair, numbering it if it is new.
    mutating func number(_ first: Int, _ second: Int) -> Int {
        if let n = number(of: first, second) { return n }
        if first >= grid.count { grid += repeatElement([], count: first + 1 - grid.count) }
        if second >= grid[first].count { grid[first] += repeatElement(-1, count: second + 1 - grid[first].count) }
        grid[first][second] = Int32(pairs.count)
        pairs.append((first, second))
        return pairs.count - 1
    }

    /// The number of a pair met before; nil for a pair never met.
    func number(of first: Int, _ second: Int) -> Int? {
        guard first < grid.count, second < grid[first].count, grid[first][second] >= 0 else { return nil }
        return Int(grid[first][second])
    }
}
