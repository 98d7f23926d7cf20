import Measure

extension Figure {
    /// The figure as it may be published. A withheld figure loses its count, estimate and
    /// interval even if an earlier stage left them in (defence in depth: privacy.md §3), and
    /// a number that is not finite (an interval bound not reached) becomes empty.
    var published: Figure {
        var copy = self
        if suppressed {
            copy.n = nil
            copy.estimate = nil
            copy.ciLow = nil
            copy.ciHigh = nil
        }
        if let v = copy.estimate, !v.isFinite { copy.estimate = nil }
        if let v = copy.ciLow, !v.isFinite { copy.ciLow = nil }
        if let v = copy.ciHigh, !v.isFinite { copy.ciHigh = nil }
        if let v = copy.comparison?.pValue, !v.isFinite { copy.comparison?.pValue = nil }
        if let v = copy.comparison?.pAdjusted, !v.isFinite { copy.comparison?.pAdjusted = nil }
        return copy
    }
}
