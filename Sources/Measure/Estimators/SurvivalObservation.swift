/// One subject's time-to-event: the time observed and whether the event happened then
/// (`event == false` means censored: still open, or closed without the event).
public struct SurvivalObservation: Sendable, Hashable {
    /// Time from the start of the clock, in any unit (hours, calendar or working days).
    public var time: Double
    /// True when the event was observed at `time`; false when the subject was censored.
    public var event: Bool

    public init(time: Double, event: Bool) {
        self.time = time
        self.event = event
    }
}
