import Disclose
import Foundation
import TestSupport

/// The output of Fixtures/disclosure/attack_lp.py (scipy's HiGHS): the interval of every
/// attacked withheld cell, the changes between two nights when a previous report was given,
/// and the sample when a large night was attacked on one.
struct ScipyAttack: Decodable {
    struct Cell: Decodable {
        var quantity: String, grouping: String, group: String
        var low: Int
        var high: Int?
        var protected: Bool

        var countCell: CountCell { CountCell(quantity: quantity, grouping: grouping, group: group) }
    }
    struct Change: Decodable {
        var quantity: String, grouping: String, group: String
        var low: Int?
        var high: Int?
        var revealing: Bool
    }
    struct Sample: Decodable {
        var cells: Int
        var seed: Int
    }
    var threshold: Int
    var intervals: [Cell]
    var changes: [Change]?
    var changesChecked: Int?
    var sample: Sample?
    enum CodingKeys: String, CodingKey {
        case threshold, intervals, changes, sample
        case changesChecked = "changes_checked"
    }

    /// A committed attack output of Fixtures/disclosure/.
    static func fixture(_ name: String) throws -> ScipyAttack {
        try JSONDecoder().decode(ScipyAttack.self, from: Data(contentsOf: RepoPaths.fixtures.appendingPathComponent("disclosure/" + name)))
    }
}
