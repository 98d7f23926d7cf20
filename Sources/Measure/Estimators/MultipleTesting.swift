import Foundation

/// Adjusted p-values for many comparisons made at once, so that a difference is flagged
/// only when it survives the correction. Results are in the order of the input; a
/// comparison is significant at level α when its adjusted p-value is <= α. A NaN
/// p-value (a comparison that could not be made) stays NaN and does not count in m.
public enum MultipleTesting {
    /// Holm's step-down adjustment (controls the family-wise error rate): with the
    /// p-values sorted ascending, p̃(i) = min(1, max_{j<=i} (m − j + 1) p(j)).
    /// statsmodels `multipletests(method="holm")`.
    public static func holm(_ pValues: [Double]) -> [Double] {
        let order = ascendingOrder(pValues)
        let m = order.count
        var adjusted = [Double](repeating: .nan, count: pValues.count)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, Double(m - rank) * pValues[index])
            adjusted[index] = min(running, 1)
        }
        return adjusted
    }

    /// The Benjamini–Hochberg step-up adjustment (controls the false discovery rate):
    /// with the p-values sorted ascending, p̃(i) = min(1, min_{j>=i} m p(j) / j).
    /// statsmodels `multipletests(method="fdr_bh")`.
    public static func benjaminiHochberg(_ pValues: [Double]) -> [Double] {
        let order = ascendingOrder(pValues)
        let m = order.count
        var adjusted = [Double](repeating: .nan, count: pValues.count)
        var running = Double.infinity
        for rank in stride(from: m - 1, through: 0, by: -1) {
            let index = order[rank]
            running = min(running, Double(m) * pValues[index] / Double(rank + 1))
            adjusted[index] = min(running, 1)
        }
        return adjusted
    }

    /// Indices of the non-NaN p-values, ascending by p-value (ties keep input order).
    private static func ascendingOrder(_ pValues: [Double]) -> [Int] {
        pValues.indices.filter { !pValues[$0].isNaN }
            .sorted { (pValues[$0], $0) < (pValues[$1], $1) }
    }
}
