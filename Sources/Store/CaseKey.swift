import SaksgangCore

/// A stored case's key: its pseudonym within its school. The same case number at two
/// schools is two cases.
public struct CaseKey: Hashable, Sendable {
    public var id: Pseudonym
    public var orgnr: String

    public init(id: Pseudonym, orgnr: String) {
        self.id = id
        self.orgnr = orgnr
    }

    public init(_ c: Case) {
        self.init(id: c.id, orgnr: c.school.orgnr)
    }
}
