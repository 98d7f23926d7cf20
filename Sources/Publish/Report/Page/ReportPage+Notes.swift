extension ReportPage {
    /// What the figures mean: where the clock starts, working and calendar days, open cases
    /// (Kaplan–Meier), intervals, disclosure control with k, the targets, the machine tables.
    func notes(_ w: inout MarkupWriter) {
        w.open("section", [("class", "notes")])
        w.element("h2", text: strings.notesTitle)
        w.newline()
        for paragraph in [strings.notesClock, strings.notesDays, strings.notesKaplanMeier, strings.notesInterval] {
            w.element("p", text: paragraph)
            w.newline()
        }
        w.element("p", [("id", "disclosure")], text: strings.notesDisclosure(k))
        w.newline()
        if !content.targets.isEmpty {
            w.element("p", text: strings.notesTargets)
            w.open("ul")
            for target in content.targets {
                w.element("li") { w in
                    w.element("strong", text: strings.metricLabel(target.metric))
                    w.text(": " + target.text)
                }
            }
            w.close("ul")
            w.newline()
        }
        w.element("p", text: strings.notesTables)
        w.close("section")
        w.newline()
    }
}
