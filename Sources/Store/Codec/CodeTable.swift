import SaksgangCore

/// The canonical raw strings of one code list as bytes, so that decoding a code compares a
/// few short byte runs instead of building a `String` for `init(rawValue:)`.
struct CodeTable<C: CanonicalCode>: Sendable {
    private let entries: [([UInt8], C)]

    init() { entries = C.allCases.map { (Array($0.rawValue.utf8), $0) } }

    func lookup(_ raw: UnsafeRawBufferPointer) -> C? {
        outer: for (bytes, value) in entries where bytes.count == raw.count {
            for i in 0..<bytes.count where bytes[i] != raw[i] { continue outer }
            return value
        }
        return nil
    }
}

/// One table per code list the case encoding uses, built once.
enum CodeTables {
    static let gender = CodeTable<Gender>()
    static let immigrantCategory = CodeTable<ImmigrantCategory>()
    static let nationalMinority = CodeTable<NationalMinority>()
    static let reporter = CodeTable<Reporter>()
    static let violation = CodeTable<ViolationKind>()
    static let perpetrator = CodeTable<PerpetratorKind>()
    static let eventKind = CodeTable<EventKind>()
    static let initiative = CodeTable<ContactInitiative>()
    static let channel = CodeTable<ContactChannel>()
    static let service = CodeTable<ExternalService>()
    static let closingReason = CodeTable<ClosingReason>()
    static let decision = CodeTable<CountyGovernorDecision>()
    static let identification = CodeTable<PupilIdentification>()
}
