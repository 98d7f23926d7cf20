import Measure

extension ReportPage {
    /// The method: the clock and the calendars, Kaplan–Meier with censoring, Greenwood's
    /// log-log intervals, the quantile convention, Wilson intervals, the comparison tests, the
    /// correction for multiple testing, the disclosure rules and, when given, the audit's
    /// result. Written for a reader who wants to reproduce a figure (docs/metrics.md).
    func method(_ w: inout MarkupWriter) {
        w.open("section", [("class", "method"), ("id", "metode")])
        w.element("h2", text: say("Metode", "Method"))
        func part(_ title: String, _ paragraphs: [String]) {
            w.element("h3", text: title)
            for p in paragraphs { w.element("p", text: p) }
            w.newline()
        }
        part(say("Klokke og kalendere", "Clock and calendars"), [say(
            "Klokka starter når skolen fikk kjennskap til eller mistanke om saken. En hendelse samme dag er 0 dager («samme dag»), neste arbeidsdag er 1. Arbeidsdager er mandag–fredag unntatt nyttårsdag, skjærtorsdag, langfredag, 2. påskedag, 1. mai, 17. mai, Kristi himmelfartsdag, 2. pinsedag, 1. og 2. juledag (påsken regnes ut, ikke slås opp). Skoledager er arbeidsdager unntatt skolens ferier etter kommunens skolerute; mangler skoleruten, beregnes ikke tall i skoledager. Kalenderdager teller alle dager. Timer brukes der begge tidspunkter har klokkeslett. Tid er norsk tid med sommertid.",
            "The clock starts when the school learned of or suspected the case. An event on the same day is 0 days («the same day»), the next working day is 1. Working days are Monday to Friday except New Year's Day, Maundy Thursday, Good Friday, Easter Monday, 1 May, 17 May, Ascension Day, Whit Monday, Christmas Day and Boxing Day (Easter computed, not listed). School days are working days less the school holidays of the municipality's school calendar; without the calendar, no school-day figure is computed. Calendar days count every day. Hours are used where both ends have a time of day. Times are Norwegian local time with summer time.")])
        part(say("Åpne saker: Kaplan–Meier", "Open cases: Kaplan–Meier"), [say(
            "Tid til en hendelse er beregnet med Kaplan–Meier-metoden. En sak som ennå ikke har hatt hendelsen, er sensurert ved eksportdatoen; en sak som ble avsluttet uten hendelsen, er sensurert ved avslutningen. Slik blir verken medianen eller andelen innen målet skjev mot de raske sakene. Andelen innen målet er 1 − S(t) lest av kurven ved målet.",
            "Time to an event is estimated with the Kaplan–Meier method. A case that has not had the event yet is censored at the export date; a case closed without the event is censored at its closing. So neither the median nor the share within the target leans toward the fast cases. The share within the target is 1 − S(t) read off the curve at the target."),
            say("Konfidensintervallet for kurven er Greenwoods varians med log-log-transformasjon (som R survival, conf.type = \"log-log\"). Persentiler (median, 75- og 90-persentil) følger R sin regel (quantile.survfit): første tid der kurven når andelen, og midtpunktet til neste fall der kurven ligger flatt nøyaktig på andelen. Intervallet for medianen er Brookmeyer–Crowley, lest av log-log-båndet. Når båndet ikke når andelen innenfor dataene, er øvre grense åpen («…»).",
                "The curve's confidence interval is Greenwood's variance with the log-log transform (as R survival, conf.type = \"log-log\"). Percentiles (median, 75th and 90th) follow R's rule (quantile.survfit): the first time the curve reaches the share, and the midpoint to the next drop where the curve lies flat exactly at the share. The median's interval is Brookmeyer–Crowley, read off the log-log band. When the band does not reach the share within the data, the upper bound is open («…»).")])
        part(say("Andeler", "Shares"), [say(
            "Andeler av saker (for eksempel løste saker, etnisk baserte saker) har Wilsons 95\u{00A0}% konfidensintervall.",
            "Shares of cases (for example resolved cases, ethnicity-based cases) have Wilson's 95% confidence interval.")])
        let correction = content.figures.first { $0.comparison?.pAdjusted != nil }?.comparison?.correction
        let correctionName = correction.map { ComparisonWords(language: content.language).correctionName($0) }
        part(say("Sammenligninger mellom grupper", "Comparisons between groups"), [say(
            "Hver gruppe sammenlignes med en referansegruppe (ingen innvandrerbakgrunn, ikke samisk, ingen nasjonal minoritet …): differanse og forholdstall med 95\u{00A0}% konfidensintervall. Tidsmål sammenlignes med log-rank-test over hele kurven og med differansen i andel innen målet; andeler med kjikvadrattest (Fishers eksakte test ved små tall). Samme sammenligning gjøres innen skoler (stratifisert log-rank og Cochran–Mantel–Haenszel), slik at en forskjell som bare skyldes hvilke skoler gruppene går på, blir synlig.",
            "Each group is compared with a reference group (no immigrant background, not Sami, no national minority …): difference and ratio with 95% confidence intervals. Times are compared with the log-rank test over the whole curve and with the difference in the share within the target; shares with the chi-square test (Fisher's exact test for small numbers). The same comparison is made within schools (stratified log-rank and Cochran–Mantel–Haenszel), so that a difference that only reflects which schools the groups attend becomes visible."),
            correctionName.map { name in say(
                "Fordi mange sammenligninger gjøres samtidig, er p-verdiene korrigert for multippel testing med \(name)-metoden, som én familie for hele rapporten. En forskjell flagges bare når justert p er under 0,05 og begge gruppene har minst k = \(k) saker.",
                "Because many comparisons are made at once, the p-values are corrected for multiple testing with the \(name) method, as one family for the whole report. A difference is flagged only when the adjusted p is below 0.05 and both groups have at least k = \(k) cases.") }
                ?? say("Ingen sammenligning kunne testes i denne rapporten.", "No comparison could be tested in this report.")])
        var disclosure = [say(
            "Personvern: Et tall som bygger på 1 til \(numbers.integer(content.threshold - 1)) saker (under k = \(k)), publiseres ikke, heller ikke en median, en andel eller et kurvepunkt som bygger på færre enn k saker. Null publiseres. Når en gruppe i en tabell er skjult, skjules også neste minste gruppe, slik at den skjulte ikke kan regnes ut fra totalen. Alle tall for en gruppe med skjult antall skjules (også medianer og andeler), og det samme tallet er skjult i tables.csv og tables.json.",
            "Privacy: a figure resting on 1 to \(numbers.integer(content.threshold - 1)) cases (below k = \(k)) is not published, nor is a median, share or curve point resting on fewer than k cases. Zero is published. When a group in a table is withheld, the next smallest group is withheld too, so the hidden one cannot be worked out from the total. Every figure of a group with a withheld count is withheld (medians and shares too), and the same figure is withheld in tables.csv and tables.json."),
            say("Kurvene: en gruppes kurve vises bare når gruppens median for samme mål ble publisert (ikke skjult), og hver kurve kuttes der færre enn k = \(k) saker fortsatt er under observasjon.",
                "The curves: a group's curve is shown only when the group's median for the same metric was published (not withheld), and each curve is cut where fewer than k = \(k) cases remain under observation."),
            say("Listen over avvik per sak (med pseudonymer) er en intern fil for oppfølging og er aldri med i rapporten eller tabellene.",
                "The list of deviations by case (with pseudonyms) is an internal file for follow-up and never part of the report or the tables.")]
        if let audit = content.audit {
            let narrowest = audit.narrowestWidth.map { numbers.short($0) }
            disclosure.append(audit.passed
                ? say("Revisjon: \(numbers.integer(audit.cellsChecked)) celler er kontrollert, \(numbers.integer(audit.cellsWithheld)) er skjult. " + (narrowest.map { "Det smaleste intervallet en angriper kan regne seg fram til for en skjult celle, er \($0) saker bredt; kravet er oppfylt." } ?? "Kravet er oppfylt."),
                      "Audit: \(numbers.integer(audit.cellsChecked)) cells checked, \(numbers.integer(audit.cellsWithheld)) withheld. " + (narrowest.map { "The narrowest interval an attacker can derive for a withheld cell is \($0) cases wide; the requirement is met." } ?? "The requirement is met."))
                : say("Revisjon: \(numbers.integer(audit.cellsChecked)) celler er kontrollert, \(numbers.integer(audit.cellsWithheld)) er skjult. Revisjonen fant et skjult tall som kan regnes ut for nøyaktig" + (narrowest.map { " (smaleste intervall \($0) saker)" } ?? "") + "; kravet er ikke oppfylt.",
                      "Audit: \(numbers.integer(audit.cellsChecked)) cells checked, \(numbers.integer(audit.cellsWithheld)) withheld. The audit found a withheld figure that can be pinned down too closely" + (narrowest.map { " (narrowest interval \($0) cases)" } ?? "") + "; the requirement is not met."))
        }
        part(say("Personvern og skjuling", "Privacy and withholding"), disclosure)
        part(say("Tabellfiler", "Table files"), [say(
            "Alle tall står også i tables.csv og tables.json (for R, pandas og DuckDB), beskrevet i tables.schema.json og kodeboken codebook.md, og i tabeller-excel.csv for Excel på norsk med norske navn ved siden av kodene.",
            "Every figure is also in tables.csv and tables.json (for R, pandas and DuckDB), described by tables.schema.json and the codebook codebook.md, and in tabeller-excel.csv for Excel set to Norwegian, with Norwegian labels beside the codes.")])
        w.close("section")
        w.newline()
    }
}
