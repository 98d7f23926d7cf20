extension ReportStrings {
    static let bokmal = ReportStrings(
        htmlLanguage: "nb",
        numbers: .bokmal,
        monthNames: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                     "september", "oktober", "november", "desember"],
        dateFormat: { d, m, y in "\(d). \(m) \(y)" },
        kicker: "Saksgang · skolemiljøsaker",
        asOf: { "Tallene gjelder sakene slik de sto ved utgangen av \($0)." },
        renewed: {
            switch $0 {
            case .night: "Tallene fornyes hver natt."
            case .week: "Tallene fornyes én gang i uken: saker, hendelser og avslutninger etter denne dagen kommer med når tallene fornyes neste uke, slik at ingen kan lese én enkelt ny sak ut av forskjellen mellom to rapporter."
            case .month: "Tallene fornyes én gang i måneden: saker, hendelser og avslutninger etter denne dagen kommer med når tallene fornyes neste måned, slik at ingen kan lese én enkelt ny sak ut av forskjellen mellom to rapporter."
            }
        },
        missingCalendars: { "Skolerute mangler for \($0) (kommunenummer og skoleår). Tall i skoledager er ikke beregnet for saker som trenger dem; de er ikke erstattet med arbeidsdager." },
        footer: "Laget av Saksgang. Rapporten viser bare tall for grupper av saker, aldri navn eller identiteter.",
        headlineTitle: "Hovedtall",
        casesLabel: "saker",
        casesSentence: { "Rapporten omfatter \($0) saker om elever som ikke har et trygt og godt skolemiljø." },
        firstContactSentence: { "Halvparten av sakene hadde første kontakt med hjemmet innen \($0) etter at skolen fikk vite om saken (median)." },
        closureSentence: { "Halvparten av sakene var avsluttet innen \($0) (median)." },
        withinTargetSentence: { value, target in
            if let target { return "\(value) av sakene hadde første kontakt med hjemmet innen målet: \(target)." }
            return "\(value) av sakene hadde første kontakt med hjemmet innen målet."
        },
        ethnicitySentence: { "\($0) av sakene gjelder krenkelser knyttet til etnisitet, religion eller språk." },
        interval: { "95\u{00A0}% konfidensintervall: \($0)" },
        withheldHeadline: { "Tallet er skjult fordi det bygger på færre enn k = \($0) saker." },
        notAvailableHeadline: "Tallet kan ikke beregnes ut fra dataene.",
        medianNotReached: "Medianen er ikke nådd: færre enn halvparten av sakene har hatt hendelsen.",
        tablesTitle: "Tall etter gruppe",
        tablesIntro: "Hver tabell viser alle saker først og deretter hver gruppe. Under hvert tall står 95\u{00A0}% konfidensintervall: jo færre saker, desto bredere intervall.",
        byGrouping: { "Etter \($0.lowercased())" },
        groupColumn: "Gruppe",
        totalRow: "Alle saker",
        withheldMark: "–*",
        withheldWord: "skjult",
        withheldFootnote: { "* Skjult av personvernhensyn: tallet bygger på færre enn k = \($0) saker, eller det er skjult for at et annet skjult tall ikke skal kunne regnes ut fra det. Det samme tallet er skjult i tables.csv og tables.json." },
        notAvailableMark: "–",
        notAvailableFootnote: "– Kan ikke beregnes, for eksempel fordi færre enn halvparten av sakene har hatt hendelsen ennå (medianen er ikke nådd).",
        chartCaptionMedian: "Stolpen er medianen; den tynne streken er 95\u{00A0}% konfidensintervall. Den stiplede linjen er medianen for alle saker.",
        chartCaptionShare: "Stolpen er andelen; den tynne streken er 95\u{00A0}% konfidensintervall. Den stiplede linjen er andelen for alle saker.",
        chartReference: { "Alle: \($0)" },
        chartNoFigure: "ingen tall",
        chartTitle: { metric, grouping in "\(metric), etter \(grouping.lowercased())" },
        chartAxisTime: { "\($0.prefix(1).uppercased() + $0.dropFirst()) fra skolen fikk vite om saken" },
        chartAxisShare: "Andel av sakene",
        filesTitle: "Innleste filer",
        fileColumns: ["Fil", "Format", "Poster lest", "Nye saker", "Oppdaterte", "Duplikater", "I karantene", "Status"],
        fileIngested: "Lest inn",
        fileSkipped: "Hoppet over (lest inn før)",
        fileRefused: { "Avvist: \($0)" },
        fileNotReconciled: "Tallene går ikke opp",
        noFiles: "Ingen filer ble lest i denne kjøringen.",
        quarantineSentence: { "\($0) poster ble satt til side (karantene) med en begrunnelse og er ikke med i tallene." },
        noQuarantine: "Ingen poster ble satt til side (karantene).",
        fileCountsWithheld: "Tallene for noen filer er holdt tilbake sammen med filstørrelsen: en fil er ofte én skoles eller kommunes eksport, og tallene er da tall på saker (se metodedelen).",
        quarantineUncounted: "Antallet poster som ble satt til side, er holdt tilbake fordi noen filers tall er det.",
        qualityTitle: "Datakvalitet",
        qualityIntro: "Mangler og feil i dataene er også et resultat: en skole som ikke registrerer kontakt med hjemmet, ser rask ut uten å være det. Rader med null saker står bare i tabellfilene.",
        qualityColumns: ["Måltall", "Gruppering", "Gruppe", "Saker", "Verdi"],
        notesTitle: "Slik leser du tallene",
        notesClock: "Klokka starter når skolen fikk kjennskap til eller mistanke om at en elev ikke har et trygt og godt skolemiljø. En hendelse samme dag teller som 0 dager, neste arbeidsdag som 1.",
        notesDays: "Arbeidsdager er mandag til fredag unntatt helligdager. Kalenderdager teller alle dager.",
        notesKaplanMeier: "Åpne saker er med. En sak som ennå ikke har hatt hendelsen, teller med fram til eksportdatoen (Kaplan–Meier-metoden). Derfor blir medianen og andelen innen målet ikke skjeve i retning av de raske sakene. Medianen er tiden da halvparten av sakene hadde hatt hendelsen.",
        notesInterval: "95\u{00A0}% konfidensintervall (KI) viser hvor usikkert et tall er. Når intervallene for to grupper overlapper mye, er forskjellen mellom dem usikker.",
        notesDisclosure: { "Personvern: Tall som bygger på færre enn k = \($0) saker, vises ikke (–*), og heller ikke tall som kunne avsløre dem. Null saker vises som 0." },
        notesTargets: "Mål satt av skoleeier (lokale standarder, ikke lovkrav):",
        notesTables: "Maskinlesbare tabeller ligger ved siden av rapporten: tables.csv og tables.json (for R, pandas og DuckDB) og tabeller-excel.csv (for Excel på norsk)."
    )
}
