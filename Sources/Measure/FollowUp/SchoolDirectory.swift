import Foundation
import SaksgangCore

/// The schools met in the cases: organisation number → the school's name and municipality,
/// so the report's table of schools can name them. School names are public (the export's
/// school element), never a person's.
public struct SchoolDirectory: Sendable, Equatable {
    public private(set) var names: [String: String] = [:]
    public private(set) var municipalities: [String: String] = [:]

    public init(names: [String: String] = [:], municipalities: [String: String] = [:]) {
        self.names = names
        self.municipalities = municipalities
    }

    public mutating func add(_ c: Case) {
        let orgnr = c.school.orgnr
        if municipalities[orgnr] == nil { municipalities[orgnr] = c.school.municipality }
        // The name is trimmed only while the school has none yet: once per school, not per case.
        if names[orgnr] == nil, let name = c.school.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty {
            names[orgnr] = name
        }
    }
}
