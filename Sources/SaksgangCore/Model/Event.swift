/// Something the school did in a case, with when. Attributes that only some kinds carry
/// are optional.
public struct Event: Hashable, Sendable, Codable {
    public var kind: EventKind
    public var time: Timestamp
    public var initiative: ContactInitiative?
    public var channel: ContactChannel?
    public var minutesSent: Bool?
    public var guardiansTookPart: Bool?
    public var service: ExternalService?
    public var breach: Bool?

    public init(kind: EventKind, time: Timestamp, initiative: ContactInitiative? = nil,
                channel: ContactChannel? = nil, minutesSent: Bool? = nil, guardiansTookPart: Bool? = nil,
                service: ExternalService? = nil, breach: Bool? = nil) {
        self.kind = kind
        self.time = time
        self.initiative = initiative
        self.channel = channel
        self.minutesSent = minutesSent
        self.guardiansTookPart = guardiansTookPart
        self.service = service
        self.breach = breach
    }
}

public struct Closing: Hashable, Sendable, Codable {
    public var time: Timestamp
    public var reason: ClosingReason?
    public init(time: Timestamp, reason: ClosingReason?) {
        self.time = time
        self.reason = reason
    }
}
