import SaksgangCore

/// How times are written: ISO 8601 with the Oslo offset (SMX), `dd.mm.yyyy HH:MM` in Oslo
/// local time (SMC), and the UTC form of SaksgangCore's `Timestamp` (truth.json).
extension RecordBuffer {
    /// `2025-03-04T10:12:00+01:00`, or `2025-03-04` for a date-only value.
    mutating func appendISO(_ t: Timestamp) {
        guard t.hasTime else {
            appendISODate(t.localDate)
            return
        }
        let offset = OsloTime.offset(atUTC: t.seconds)
        let (date, minute) = SchoolClock.local(t.seconds)
        appendISODate(date)
        append(byte: UInt8(ascii: "T"))
        append(int: minute / 60, width: 2)
        append(byte: UInt8(ascii: ":"))
        append(int: minute % 60, width: 2)
        append(":00+")
        append(int: Int(offset / 3600), width: 2)
        append(":00")
    }

    mutating func appendISODate(_ d: LocalDate) {
        let (y, m, day) = d.components
        append(int: y, width: 4)
        append(byte: UInt8(ascii: "-"))
        append(int: m, width: 2)
        append(byte: UInt8(ascii: "-"))
        append(int: day, width: 2)
    }

    /// `04.03.2025 10:12` (Oslo local time).
    mutating func appendNorwegian(_ t: Timestamp) {
        guard t.hasTime else {
            appendNorwegianDate(t.localDate)
            return
        }
        let (date, minute) = SchoolClock.local(t.seconds)
        appendNorwegianDate(date)
        append(byte: UInt8(ascii: " "))
        append(int: minute / 60, width: 2)
        append(byte: UInt8(ascii: ":"))
        append(int: minute % 60, width: 2)
    }

    /// `04.03.2025`.
    mutating func appendNorwegianDate(_ d: LocalDate) {
        let (y, m, day) = d.components
        append(int: day, width: 2)
        append(byte: UInt8(ascii: "."))
        append(int: m, width: 2)
        append(byte: UInt8(ascii: "."))
        append(int: y, width: 4)
    }
}
