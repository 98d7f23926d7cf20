import SaksgangCore

/// A generated case with its whole history: every event with the moment it was recorded, so
/// that any export can show the case as it stood at that export's time (an SMC delta from two
/// weeks ago shows it open; the snapshot shows it closed).
struct SyntheticCase: Sendable {
    struct Recorded: Sendable {
        var event: Event
        /// When the school entered it in the case system.
        var recorded: Int64
    }

    struct RecordedClosing: Sendable {
        var closing: Closing
        var recorded: Int64
    }

    var number: String
    var school: School
    var pupil: SyntheticPupil
    var grade: Int
    var registered: Int64
    /// True knowledge time; `knowledgeWritten` false when a planted fault leaves it out.
    var knowledge: Int64
    var knowledgeWritten: Bool
    var reportedBy: Reporter?
    var violations: [ViolationKind]
    var perpetrator: PerpetratorKind?
    var perpetratorCount: Int?
    var serious: Bool
    var events: [Recorded]
    var closings: [RecordedClosing]
    var note: String
    /// The note's personal fragments (names, phone numbers as written in it).
    var noteFragments: [String]
    var faults: [String]
    var profileKey: String
    var planted: (firstContact: Double, activityPlan: Double, closure: Double)
    /// The pupil's earlier case this one repeats (school orgnr, case number), if any.
    var repeatOf: (String, String)?

    /// The case as an export made at `time` shows it.
    struct Version {
        var events: [Event]
        var closing: Closing?
        var lastChanged: Int64
        var reopened: Bool
    }

    func exists(at time: Int64) -> Bool { registered <= time }

    func version(at time: Int64) -> Version {
        var v = Version(events: [], closing: nil, lastChanged: registered, reopened: false)
        var lastReopen: Int64 = .min
        for r in events where r.recorded <= time {
            v.events.append(r.event)
            v.lastChanged = max(v.lastChanged, r.recorded)
            if r.event.kind == .reopened {
                v.reopened = true
                lastReopen = max(lastReopen, r.event.time.seconds)
            }
        }
        for c in closings where c.recorded <= time {
            v.lastChanged = max(v.lastChanged, c.recorded)
            v.closing = c.closing
        }
        if let closing = v.closing, closing.time.seconds < lastReopen { v.closing = nil }
        v.events.sort { ($0.time, $0.kind.rawValue) < ($1.time, $1.kind.rawValue) }
        return v
    }
}
