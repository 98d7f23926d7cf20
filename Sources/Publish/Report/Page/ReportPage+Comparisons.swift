import Measure

extension ReportPage {
    /// The differences between groups that survive the correction for multiple testing, in
    /// words: the group against its reference, pooled and within schools, with the interval
    /// and the adjusted p-value, and the correction named. Nothing flagged is said as such.
    func comparisons(_ w: inout MarkupWriter) {
        let tested = content.figures.filter { $0.statistic == .difference && $0.comparison?.pAdjusted != nil }
        guard let correction = tested.first?.comparison?.correction else { return }
        let flagged = index.flagged.filter { $0.comparison?.stratifiedBy == nil }
        let words = ComparisonWords(language: content.language)
        w.open("section", [("class", "comparisons")])
        w.element("h2", text: words.title)
        w.element("p", text: words.intro(tested: numbers.integer(tested.count), correction: words.correctionName(correction), k: k))
        if flagged.isEmpty {
            w.element("p", text: words.noneFlagged)
        } else {
            w.open("ul")
            for f in flagged {
                guard let c = f.comparison else { continue }
                let within = index.withinSchools(of: f)
                let metric = strings.metricLabel(f.metric) + (f.category.map { " (" + strings.categoryLabel(f.metric, $0) + ")" } ?? "")
                    + " – " + strings.groupingTitle(f.grouping).lowercased()
                let group = strings.groupLabel(grouping: f.grouping, group: f.group)
                let reference = strings.groupLabel(grouping: f.grouping, group: c.reference)
                w.element("li", text: words.flagged(metric: metric, group: group, reference: reference,
                                                    difference: points(f.estimate), low: points(f.ciLow), high: points(f.ciHigh),
                                                    p: pText(c.pAdjusted), within: within.map { w in
                    words.within(points(w.estimate), tested: w.comparison?.pAdjusted != nil, flagged: w.comparison?.flag == true,
                                 smaller: abs(w.estimate ?? 0) < abs(f.estimate ?? 0) / 2)
                }))
            }
            w.close("ul")
        }
        w.close("section")
        w.newline()
    }

    /// A difference of shares in percentage points, signed.
    private func points(_ value: Double?) -> String {
        guard let value else { return "…" }
        let text = numbers.decimal(abs(value) * 100, decimals: 1)
        return (value < 0 ? "\u{2212}" : "+") + text
    }

    private func pText(_ p: Double?) -> String {
        guard let p else { return "…" }
        return p < 0.001 ? "< 0,001".replacingOccurrences(of: ",", with: content.language == .bokmal ? "," : ".")
            : numbers.decimal(p, decimals: 3)
    }
}

/// The sentences of the comparison section in the report's language.
struct ComparisonWords {
    let language: ReportLanguage

    var title: String { language == .bokmal ? "Forskjeller mellom grupper" : "Differences between groups" }

    func correctionName(_ c: Figure.Correction) -> String {
        switch c {
        case .holm: return "Holm"
        case .benjaminiHochberg: return "Benjamini–Hochberg"
        }
    }

    func intro(tested: String, correction: String, k: String) -> String {
        language == .bokmal
            ? "Hver gruppe er sammenlignet med en referansegruppe (for eksempel elever uten innvandrerbakgrunn), både samlet og innenfor hver skole. \(tested) sammenligninger er gjort samtidig, så p-verdiene er korrigert for multippel testing med \(correction)-metoden. En forskjell er flagget bare når justert p er under 0,05 og begge gruppene har minst k = \(k) saker. Tidsmål sammenlignes med log-rank-test over hele kurven, andeler med kjikvadrattest (Fishers eksakte test ved små tall), innen skoler med stratifisert log-rank og Cochran–Mantel–Haenszel."
            : "Each group is compared with a reference group (for example pupils with no immigrant background), pooled and within each school. \(tested) comparisons are made at once, so the p-values are corrected for multiple testing with the \(correction) method. A difference is flagged only when the adjusted p is below 0.05 and both groups have at least k = \(k) cases. Times are compared with the log-rank test over the whole curve, shares with the chi-square test (Fisher's exact test for small numbers), within schools with the stratified log-rank and Cochran–Mantel–Haenszel tests."
    }

    var noneFlagged: String {
        language == .bokmal ? "Ingen forskjell er stor nok til å bli flagget etter korreksjonen."
            : "No difference is large enough to be flagged after the correction."
    }

    func flagged(metric: String, group: String, reference: String, difference: String, low: String, high: String,
                 p: String, within: String?) -> String {
        let base = language == .bokmal
            ? "\(metric): \(group) sammenlignet med \(reference): \(difference) prosentpoeng (95 % KI \(low) til \(high)), justert p \(p)."
            : "\(metric): \(group) compared with \(reference): \(difference) percentage points (95% CI \(low) to \(high)), adjusted p \(p)."
        return within.map { base + " " + $0 } ?? base
    }

    /// The comparison within schools, in words: also flagged; not tested (too few cases in
    /// schools with both groups); or not flagged, and then whether it is much smaller than the
    /// pooled difference (the groups attend different schools).
    func within(_ difference: String, tested: Bool, flagged: Bool, smaller: Bool) -> String {
        let nb = language == .bokmal
        let head = nb ? "Innen skolene: \(difference) prosentpoeng" : "Within schools: \(difference) percentage points"
        if flagged { return head + (nb ? ", også flagget." : ", also flagged.") }
        if !tested {
            return head + (nb ? ", ikke testet (for få saker i skoler som har begge gruppene)." : ", not tested (too few cases in schools with both groups).")
        }
        if smaller {
            return head + (nb ? ", ikke flagget: forskjellen er mye mindre innen skolene og kan delvis skyldes hvilke skoler gruppene går på."
                : ", not flagged: the difference is much smaller within schools and may partly come from which schools the groups attend.")
        }
        return head + (nb ? ", ikke flagget." : ", not flagged.")
    }
}
