/// k-anonymity of case-level records over their quasi-identifiers (docs/extract.md): every
/// combination of quasi-identifier values that is released is shared by at least k records.
///
/// Three tools, used in this order, each only as far as it is needed:
/// 1. **Global recoding**: a quasi-identifier is generalised one level up its hierarchy in every
///    record (a country's region becomes its country group). The steps of `plan` are taken
///    in order while more than `tolerance` of the records sit in classes smaller than k; a
///    step that would protect no record is skipped.
/// 2. **Local suppression**: in the records still in a small class, single values are
///    replaced by `KAnonymity.suppressed`, one quasi-identifier per round: the one whose
///    suppression leaves the fewest records at risk (ties in `suppressionOrder`; those in
///    `suppressLast`, the ones research needs most, only when no other is left). A value
///    is given back afterwards where its record then still sits in a class of at least k.
/// 3. **Record suppression**: a record whose class is still smaller than k is left out, and
///    counted.
///
/// The records are plain strings, one array per record in the order of
/// `quasiIdentifiers`: the algorithm knows nothing of cases, so it is tested on its own.
package struct KAnonymity: Sendable {
    /// The value that stands for a suppressed value.
    package static let suppressed = "*"

    /// A quasi-identifier and its generalisation hierarchy.
    package struct QuasiIdentifier: Sendable {
        package let name: String
        /// The levels above the original values (level 0): `levels[0]` is level 1. Each
        /// maps an original value to its value at that level.
        package let levels: [Level]

        package init(_ name: String, levels: [Level] = []) {
            self.name = name
            self.levels = levels
        }
    }

    /// One level of a hierarchy: its name (for the report) and the mapping from an original value.
    package struct Level: Sendable {
        package let name: String
        package let generalise: @Sendable (String) -> String

        package init(_ name: String, _ generalise: @escaping @Sendable (String) -> String) {
            self.name = name
            self.generalise = generalise
        }
    }

    /// A step of global recoding: bring the quasi-identifier named `quasiIdentifier` to `level`.
    package struct Step: Sendable, Hashable {
        package let quasiIdentifier: String
        package let level: Int

        package init(_ quasiIdentifier: String, level: Int) {
            self.quasiIdentifier = quasiIdentifier
            self.level = level
        }
    }

    package let k: Int
    package let quasiIdentifiers: [QuasiIdentifier]
    package let plan: [Step]
    package let suppressionOrder: [String]
    /// Quasi-identifiers of `suppressionOrder` suppressed only when no other is left (the
    /// ones research needs most).
    package let suppressLast: Set<String>
    /// The share of records that may be left to local suppression: global recoding stops
    /// once no more than this share sits in classes smaller than k.
    package let tolerance: Double

    package init(k: Int, quasiIdentifiers: [QuasiIdentifier], plan: [Step], suppressionOrder: [String],
                 suppressLast: Set<String> = [], tolerance: Double = 0.02) {
        precondition(k >= 1, "k must be at least 1")
        let names = quasiIdentifiers.map(\.name)
        precondition(Set(names).count == names.count, "quasi-identifier names must be unique")
        for step in plan {
            guard let q = quasiIdentifiers.first(where: { $0.name == step.quasiIdentifier }) else {
                preconditionFailure("the plan names an unknown quasi-identifier")
            }
            precondition((1...max(1, q.levels.count)).contains(step.level) && !q.levels.isEmpty, "the plan names a level the hierarchy lacks")
        }
        precondition(suppressionOrder.allSatisfy(names.contains), "the suppression order names an unknown quasi-identifier")
        self.k = k
        self.quasiIdentifiers = quasiIdentifiers
        self.plan = plan
        self.suppressionOrder = suppressionOrder
        self.suppressLast = suppressLast
        self.tolerance = tolerance
    }

    /// What was done, and what the released records are.
    package struct Outcome: Sendable {
        /// The released quasi-identifier values by input record; nil where the record was suppressed.
        package var records: [[String]?]
        package var report: Report
    }

    /// The check's result, shipped beside the extract.
    package struct Report: Sendable, Equatable, Codable {
        package struct Generalisation: Sendable, Equatable, Codable {
            package var quasiIdentifier: String
            package var level: Int
            package var levelName: String
            /// Records in classes smaller than k before and after the step.
            package var recordsAtRiskBefore: Int
            package var recordsAtRiskAfter: Int

            enum CodingKeys: String, CodingKey {
                case quasiIdentifier = "quasi_identifier", level, levelName = "level_name"
                case recordsAtRiskBefore = "records_at_risk_before", recordsAtRiskAfter = "records_at_risk_after"
            }
        }

        package var k: Int
        package var quasiIdentifiers: [String]
        package var records: Int
        package var recordsReleased: Int
        package var recordsSuppressed: Int
        package var equivalenceClasses: Int
        /// The size of the smallest released class (0 when nothing is released).
        package var smallestClass: Int
        /// Records in classes smaller than k before anything was done.
        package var recordsAtRiskInitially: Int
        /// The global recoding steps taken, in order.
        package var generalisations: [Generalisation]
        /// Each quasi-identifier's level in the release (0 = as recorded).
        package var levels: [String: Int]
        /// Values replaced by `*` in the released records, by quasi-identifier (local suppression).
        package var valuesSuppressed: [String: Int]
        /// Released records with at least one value replaced by `*`.
        package var recordsWithSuppressedValues: Int
        /// True when every released class holds at least k records.
        package var kAnonymous: Bool

        enum CodingKeys: String, CodingKey {
            case k, quasiIdentifiers = "quasi_identifiers", records, recordsReleased = "records_released"
            case recordsSuppressed = "records_suppressed", equivalenceClasses = "equivalence_classes"
            case smallestClass = "smallest_class", recordsAtRiskInitially = "records_at_risk_initially"
            case generalisations, levels, valuesSuppressed = "values_suppressed"
            case recordsWithSuppressedValues = "records_with_suppressed_values", kAnonymous = "k_anonymous"
        }
    }

    /// Makes `records` k-anonymous. Every record must hold one value per quasi-identifier.
    package func anonymise(_ records: [[String]]) -> Outcome {
        let width = quasiIdentifiers.count
        precondition(records.allSatisfy { $0.count == width }, "a record does not hold one value per quasi-identifier")
        var levels = Array(repeating: 0, count: width)
        var current = records

        // 1. Global recoding, step by step, while too many records are at risk.
        let initialRisk = Self.atRisk(current, k: k).count
        var risk = initialRisk
        var taken: [Report.Generalisation] = []
        let allowed = Int((tolerance * Double(records.count)).rounded(.down))
        for step in plan where risk > allowed {
            let q = quasiIdentifiers.firstIndex { $0.name == step.quasiIdentifier }!
            guard step.level > levels[q] else { continue }
            let level = quasiIdentifiers[q].levels[step.level - 1]
            var trial = current
            for i in trial.indices { trial[i][q] = level.generalise(records[i][q]) }
            let after = Self.atRisk(trial, k: k).count
            guard after < risk else { continue }
            taken.append(Report.Generalisation(quasiIdentifier: step.quasiIdentifier, level: step.level, levelName: level.name,
                                               recordsAtRiskBefore: risk, recordsAtRiskAfter: after))
            current = trial
            levels[q] = step.level
            risk = after
        }

        // 2. Local suppression of single values in the records still at risk: each round
        //    suppresses, in every record at risk, the quasi-identifier that leaves the fewest
        //    records at risk (ties: the earlier in `suppressionOrder`); those of `suppressLast`
        //    only when no other is left.
        var touched = Array(repeating: false, count: records.count)
        var remaining = suppressionOrder
        var risky = Self.atRisk(current, k: k)
        while !risky.isEmpty && !remaining.isEmpty {
            let preferred = remaining.filter { !suppressLast.contains($0) }
            var best: (name: String, q: Int, trial: [[String]], risky: [Int])?
            for name in preferred.isEmpty ? [remaining[0]] : preferred {
                let q = quasiIdentifiers.firstIndex { $0.name == name }!
                var trial = current
                for i in risky { trial[i][q] = Self.suppressed }
                let after = Self.atRisk(trial, k: k)
                if best == nil || after.count < best!.risky.count { best = (name, q, trial, after) }
            }
            let chosen = best!
            for i in risky { touched[i] = true }
            current = chosen.trial
            risky = chosen.risky
            remaining.removeAll { $0 == chosen.name }
        }

        // 3. Records still in a small class are left out.
        let dropped = Set(Self.atRisk(current, k: k))

        // 4. A suppressed value is given back where its record can rejoin a class of at least
        //    k without leaving one smaller than k behind (suppression pools records in bulk;
        //    many need fewer suppressed values than the pass gave them).
        var sizes = Self.classSizes(current.indices.filter { !dropped.contains($0) }.map { current[$0] })
        let generalised = records.map { r in
            r.indices.map { q in levels[q] == 0 ? r[q] : quasiIdentifiers[q].levels[levels[q] - 1].generalise(r[q]) }
        }
        for name in suppressionOrder.reversed() {
            let q = quasiIdentifiers.firstIndex { $0.name == name }!
            for i in current.indices where touched[i] && !dropped.contains(i) && current[i][q] == Self.suppressed
                && generalised[i][q] != Self.suppressed {
                var restored = current[i]
                restored[q] = generalised[i][q]
                let left = sizes[current[i]]! - 1
                guard sizes[restored, default: 0] >= k - 1, left == 0 || left >= k else { continue }
                sizes[current[i]] = left == 0 ? nil : left
                sizes[restored, default: 0] += 1
                current[i] = restored
            }
        }
        // Counted in the released records: values that were not `*` after global recoding.
        var suppressedValues = Array(repeating: 0, count: width)
        var recordsWithSuppressedValues = 0
        for i in current.indices where touched[i] && !dropped.contains(i) {
            var any = false
            for q in 0..<width where current[i][q] == Self.suppressed && generalised[i][q] != Self.suppressed {
                suppressedValues[q] += 1
                any = true
            }
            if any { recordsWithSuppressedValues += 1 }
        }
        var released: [[String]?] = []
        released.reserveCapacity(records.count)
        for (i, r) in current.enumerated() { released.append(dropped.contains(i) ? nil : r) }
        let classes = Self.classSizes(released.compactMap { $0 })
        let report = Report(
            k: k, quasiIdentifiers: quasiIdentifiers.map(\.name), records: records.count,
            recordsReleased: records.count - dropped.count, recordsSuppressed: dropped.count,
            equivalenceClasses: classes.count, smallestClass: classes.values.min() ?? 0,
            recordsAtRiskInitially: initialRisk, generalisations: taken,
            levels: Dictionary(uniqueKeysWithValues: zip(quasiIdentifiers.map(\.name), levels)),
            valuesSuppressed: Dictionary(uniqueKeysWithValues: zip(quasiIdentifiers.map(\.name), suppressedValues)),
            recordsWithSuppressedValues: recordsWithSuppressedValues,
            kAnonymous: classes.values.allSatisfy { $0 >= k })
        return Outcome(records: released, report: report)
    }

    /// The number of records of each combination of values (an equivalence class).
    package static func classSizes(_ records: [[String]]) -> [[String]: Int] {
        var sizes: [[String]: Int] = [:]
        for r in records { sizes[r, default: 0] += 1 }
        return sizes
    }

    /// The indices of the records in classes smaller than k, in order.
    static func atRisk(_ records: [[String]], k: Int) -> [Int] {
        let sizes = classSizes(records)
        return records.indices.filter { sizes[records[$0]]! < k }
    }
}
