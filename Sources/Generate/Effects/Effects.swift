import Foundation
import SaksgangCore

/// The planted effects: a reference profile (pupils with no immigrant background who are
/// neither Sami nor from a national minority) and per-group overrides. Group keys are
/// `immigrant`, `norwegian_born_to_immigrants`, `one_foreign_born_parent`, `unknown`
/// (immigrant background, metrics.md §7), `sami` and `national_minority`. A pupil's profile
/// is `sami` if Sami, else `national_minority` if from one, else their immigrant group. An
/// empty `groups` plants no difference.
public struct Effects: Codable, Sendable, Equatable {
    public var description: String?
    public var reference: GroupEffect
    public var groups: [String: GroupEffect]

    public init(description: String? = nil, reference: GroupEffect, groups: [String: GroupEffect]) {
        self.description = description
        self.reference = reference
        self.groups = groups
    }

    /// The profile keys groups may use.
    public static let groupKeys = ImmigrantGroup.allCases.map(\.rawValue) + ["sami", "national_minority"]

    /// Decodes an effects file, checking that the reference is complete, the groups are
    /// known and shares and means are in range.
    public static func load(from url: URL) throws(SaksgangError) -> Effects {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SaksgangError(.ioError, "cannot read effects file", at: .init(file: url.lastPathComponent))
        }
        return try decode(data, file: url.lastPathComponent)
    }

    public static func decode(_ data: Data, file: String = "effects") throws(SaksgangError) -> Effects {
        let effects: Effects
        do { effects = try JSONDecoder().decode(Effects.self, from: data) } catch {
            throw SaksgangError(.configuration, "effects file is not valid: \(error)", at: .init(file: file))
        }
        try effects.validate(file: file)
        return effects
    }

    func validate(file: String) throws(SaksgangError) {
        let r = reference
        guard r.firstContactWorkingDays != nil, r.activityPlanWorkingDays != nil, r.closureDays != nil,
              r.closedByChangingSchool != nil, r.ethnicityBased != nil, r.reportedBy != nil
        else { throw SaksgangError(.configuration, "reference must set every effect", at: .init(file: file, field: "reference")) }
        for (key, group) in [("reference", reference)] + groups.sorted(by: { $0.key < $1.key }) {
            guard key == "reference" || Self.groupKeys.contains(key) else {
                throw SaksgangError(.configuration, "unknown group", at: .init(file: file, field: "groups.\(key)"))
            }
            for mean in [group.firstContactWorkingDays, group.activityPlanWorkingDays, group.closureDays].compactMap({ $0 })
            where !(mean > 0 && mean < 1000) {
                throw SaksgangError(.configuration, "mean must be positive days", at: .init(file: file, field: key))
            }
            for share in [group.closedByChangingSchool, group.ethnicityBased].compactMap({ $0 }) where !(0...1).contains(share) {
                throw SaksgangError(.configuration, "share must be between 0 and 1", at: .init(file: file, field: key))
            }
            if let weights = group.reportedBy {
                for (code, w) in weights {
                    guard Reporter(rawValue: code) != nil, w >= 0 else {
                        throw SaksgangError(.configuration, "reported_by needs canonical codes and weights ≥ 0",
                                            at: .init(file: file, field: "\(key).reported_by"))
                    }
                }
                guard weights.values.reduce(0, +) > 0 else {
                    throw SaksgangError(.configuration, "reported_by weights sum to zero", at: .init(file: file, field: key))
                }
            }
        }
    }

    /// The complete profile of a key (reference values filling the group's gaps).
    public func profile(_ key: String) -> GroupEffect {
        (groups[key] ?? GroupEffect()).over(reference)
    }

    /// The profile key of a pupil.
    static func profileKey(sami: Bool, minority: NationalMinority?, group: ImmigrantGroup) -> String {
        if sami { return "sami" }
        if minority != nil { return "national_minority" }
        return group.rawValue
    }
}
