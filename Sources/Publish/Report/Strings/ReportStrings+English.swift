extension ReportStrings {
    static let english = ReportStrings(
        htmlLanguage: "en",
        numbers: .english,
        monthNames: ["January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"],
        dateFormat: { d, m, y in "\(d) \(m) \(y)" },
        kicker: "Saksgang · school environment cases",
        asOf: { "The figures describe the cases as they stood at the end of \($0)." },
        renewed: {
            switch $0 {
            case .night: "The figures are renewed every night."
            case .week: "The figures are renewed once a week: cases, events and closings after this day are included when the figures are renewed next week, so that no single new case can be read from the difference between two reports."
            case .month: "The figures are renewed once a month: cases, events and closings after this day are included when the figures are renewed next month, so that no single new case can be read from the difference between two reports."
            }
        },
        missingCalendars: { "No school calendar for \($0) (municipality number and school year). Figures in school days are not computed for the cases that need them; they are not replaced by working days." },
        footer: "Made by Saksgang. The report shows figures for groups of cases only, never names or identities.",
        headlineTitle: "Key figures",
        casesLabel: "cases",
        casesSentence: { "The report covers \($0) cases of pupils without a safe and good school environment." },
        firstContactSentence: { "Half of the cases had their first contact with the home within \($0) after the school learned of the case (median)." },
        closureSentence: { "Half of the cases were closed within \($0) (median)." },
        withinTargetSentence: { value, target in
            if let target { return "\(value) of the cases had their first contact with the home within the target: \(target)." }
            return "\(value) of the cases had their first contact with the home within the target."
        },
        ethnicitySentence: { "\($0) of the cases concern harassment related to ethnicity, religion or language." },
        interval: { "95% confidence interval: \($0)" },
        withheldHeadline: { "Withheld: the figure rests on fewer than k = \($0) cases." },
        notAvailableHeadline: "The figure cannot be computed from the data.",
        medianNotReached: "The median is not reached: fewer than half of the cases have had the event.",
        tablesTitle: "Figures by group",
        tablesIntro: "Each table shows all cases first, then each group. Below each figure is its 95% confidence interval: the fewer the cases, the wider the interval.",
        byGrouping: { "By \($0.lowercased())" },
        groupColumn: "Group",
        totalRow: "All cases",
        withheldMark: "–*",
        withheldWord: "withheld",
        withheldFootnote: { "* Withheld for privacy: the figure rests on fewer than k = \($0) cases, or it is withheld so that another withheld figure cannot be worked out from it. The same figure is withheld in tables.csv and tables.json." },
        notAvailableMark: "–",
        notAvailableFootnote: "– Cannot be computed, for example because fewer than half of the cases have had the event yet (the median is not reached).",
        chartCaptionMedian: "The bar is the median; the thin line is the 95% confidence interval. The dashed line is the median of all cases.",
        chartCaptionShare: "The bar is the share; the thin line is the 95% confidence interval. The dashed line is the share of all cases.",
        chartReference: { "All: \($0)" },
        chartNoFigure: "no figure",
        chartTitle: { metric, grouping in "\(metric), by \(grouping.lowercased())" },
        chartAxisTime: { "\($0.prefix(1).uppercased() + $0.dropFirst()) after the school learned of the case" },
        chartAxisShare: "Share of cases",
        filesTitle: "Input files",
        fileColumns: ["File", "Format", "Records read", "New cases", "Updated", "Duplicates", "Quarantined", "Status"],
        fileIngested: "Ingested",
        fileSkipped: "Skipped (ingested before)",
        fileRefused: { "Refused: \($0)" },
        fileNotReconciled: "Counts do not add up",
        noFiles: "No files were read in this run.",
        quarantineSentence: { "\($0) records were set aside (quarantined) with a reason and are not in the figures." },
        noQuarantine: "No records were set aside (quarantined).",
        fileCountsWithheld: "The counts of some files are withheld, with their size: a file is often one school's or municipality's export, and its counts are then counts of cases (see the method section).",
        quarantineUncounted: "The number of records set aside is withheld because some files' counts are.",
        qualityTitle: "Data quality",
        qualityIntro: "Gaps and errors in the data are a result too: a school that records no contact with the home looks fast without being so. Rows with no cases are only in the table files.",
        qualityColumns: ["Metric", "Grouping", "Group", "Cases", "Value"],
        notesTitle: "How to read the figures",
        notesClock: "The clock starts when the school learned of or suspected that a pupil does not have a safe and good school environment. An event on the same day counts as 0 days, the next working day as 1.",
        notesDays: "Working days are Monday to Friday except public holidays. Calendar days count every day.",
        notesKaplanMeier: "Open cases are included. A case that has not yet had the event counts until the export date (the Kaplan–Meier method), so the median and the share within the target are not biased toward the fast cases. The median is the time by which half of the cases had had the event.",
        notesInterval: "The 95% confidence interval (CI) shows how uncertain a figure is. When the intervals of two groups overlap a lot, the difference between them is uncertain.",
        notesDisclosure: { "Privacy: figures resting on fewer than k = \($0) cases are not shown (–*), nor are figures that could reveal them. Zero cases are shown as 0." },
        notesTargets: "Targets set by the school owner (local standards, not law):",
        notesTables: "Machine-readable tables are next to this report: tables.csv and tables.json (for R, pandas and DuckDB) and tabeller-excel.csv (for Excel set to Norwegian)."
    )
}
