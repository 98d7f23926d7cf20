extension JSONBytes {
    /// An audit as its synthesised `Codable` encodes it with sorted keys (an empty optional
    /// is left out).
    package mutating func audit(_ a: AuditReport) {
        beginObject()
        key("cells_checked"); int(a.cellsChecked)
        key("cells_unprotected"); int(a.cellsUnprotected)
        if let c = a.control {
            key("control")
            beginObject()
            key("cells"); int(c.cells)
            key("cells_withheld"); int(c.cellsWithheld)
            key("cells_withheld_primary"); int(c.cellsWithheldPrimary)
            key("cells_withheld_secondary"); int(c.cellsWithheldSecondary)
            key("figures"); int(c.figures)
            key("figures_withheld"); int(c.figuresWithheld)
            key("rounds"); int(c.rounds)
            endObject()
        }
        key("intervals")
        beginArray()
        for interval in a.intervals {
            element()
            cellInterval(interval)
        }
        endArray()
        key("municipality_of_school")
        beginObject()
        for school in Self.sortedKeys(a.municipalityOfSchool.keys) {
            key(school); string(a.municipalityOfSchool[school]!)
        }
        endObject()
        if let n = a.narrowest {
            key("narrowest"); cellInterval(n)
        }
        key("passed"); bool(a.passed)
        key("protection"); string(a.protection)
        key("solver"); string(a.solver)
        key("threshold"); int(a.threshold)
        endObject()
    }

    private mutating func cellInterval(_ c: AuditReport.CellInterval) {
        beginObject()
        key("exact"); bool(c.exact)
        key("group"); string(c.group)
        key("grouping"); string(c.grouping)
        if let high = c.high { key("high"); int(high) }
        key("low"); int(c.low)
        key("protected"); bool(c.protected)
        key("quantity"); string(c.quantity)
        endObject()
    }
}
