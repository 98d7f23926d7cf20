import Foundation
import Publish
import TestSupport
import XCTest

/// Writes a report into a fresh temporary folder and reads its files back.
struct WrittenReport {
    let directory: URL
    let outputs: [OutputFile]

    init(_ content: ReportContent) throws {
        directory = RepoPaths.temporaryDirectory("saksgang-publish")
        outputs = try ReportWriter.write(content, to: directory.path)
    }

    func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

extension String {
    /// The `<tr>` … `</tr>` holding `marker`, or nil.
    func tableRow(containing marker: String) -> String? {
        guard let hit = range(of: marker),
              let start = self[..<hit.lowerBound].range(of: "<tr", options: .backwards),
              let end = self[hit.upperBound...].range(of: "</tr>")
        else { return nil }
        return String(self[start.lowerBound..<end.upperBound])
    }

    /// Every `<svg …>…</svg>` element.
    var svgElements: [String] {
        var out: [String] = []
        var rest = self[...]
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }
}
