import Measure

extension JSONBytes {
    /// A figure as its `Codable` encodes it with sorted keys: every key present, `null` when
    /// empty (the keys below are in UTF-8 order; a test holds them to `JSONEncoder`'s bytes).
    package mutating func figure(_ f: Figure) throws(NotFinite) {
        beginObject()
        key("category"); string(f.category)
        key("ci_high"); try double(f.ciHigh)
        key("ci_low"); try double(f.ciLow)
        key("correction"); string(f.comparison?.correction.rawValue)
        key("estimate"); try double(f.estimate)
        key("flag"); bool(f.comparison?.flag)
        key("group"); string(f.group)
        key("grouping"); string(f.grouping)
        key("metric"); string(f.metric.name)
        key("n"); int(f.n)
        key("p_adjusted"); try double(f.comparison?.pAdjusted)
        key("p_value"); try double(f.comparison?.pValue)
        key("reference"); string(f.comparison?.reference)
        key("reference_n"); int(f.comparison?.referenceN)
        key("statistic"); string(f.statistic.rawValue)
        key("stratified_by"); string(f.comparison?.stratifiedBy)
        key("suppressed"); bool(f.suppressed)
        key("suppression_reason"); string(f.suppressionReason)
        key("test"); string(f.comparison?.test)
        key("unit"); string(f.unit.rawValue)
        endObject()
    }
}
