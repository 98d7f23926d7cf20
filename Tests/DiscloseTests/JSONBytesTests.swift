@testable import Disclose
import Foundation
import Measure
import XCTest

/// `JSONBytes` must write the bytes `JSONEncoder` wrote before it: the publication record in
/// the store is read by the next night, and the published files are compared byte for byte
/// between runs.
final class JSONBytesTests: XCTestCase {
    private static let awkward = ["", "plain", "slash/and\\backslash", "quote \"q\"", "tab\tnew\nline\rcr", "\u{8}\u{c}\u{1}\u{1f}\u{7f}",
                                  "æøå ÆØÅ – “”", "😀 emoji", "0123", "a10", "a2", "A", "_", "~"]
    private static let doubles: [Double?] = [nil, 0, -0.0, 1, -1, 0.5, 0.1 + 0.2, 1e-5, 1.0e-7, 123456789.125, 1e16, 1e21, 2.5e-300,
                                             Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 42, 1 / 3]

    private func figures() -> [Figure] {
        var out: [Figure] = []
        for (i, text) in Self.awkward.enumerated() {
            let d = Self.doubles[i % Self.doubles.count]
            let d2 = Self.doubles[(i * 7 + 3) % Self.doubles.count]
            var f = Figure(metric: .cases, statistic: .count, unit: .cases, grouping: text, group: Self.awkward[(i + 1) % Self.awkward.count],
                           category: i % 3 == 0 ? nil : text, n: i % 4 == 0 ? nil : i * 1_000_003 - 5, estimate: d, ciLow: d2,
                           ciHigh: i % 2 == 0 ? nil : d, suppressed: i % 2 == 0, suppressionReason: i % 2 == 0 ? "withheld" : nil)
            if i % 3 == 1 {
                f.comparison = Figure.Comparison(reference: text, referenceN: i, pValue: d, pAdjusted: d2,
                                                 correction: i % 2 == 0 ? .holm : .benjaminiHochberg, flag: i % 4 == 1,
                                                 stratifiedBy: i % 5 == 0 ? nil : "school", test: "log-rank")
            }
            out.append(f)
        }
        out.append(Figure(metric: .timeToFirstContact, statistic: .median, unit: .workingDays, grouping: "all", group: "all",
                          n: Int.min + 1, estimate: -2.75, ciLow: Double(Int.max), ciHigh: 1e300))
        out.append(Figure(metric: .timeToFirstContact, statistic: .median, unit: .workingDays, grouping: "all", group: "all",
                          n: Int.max, estimate: nil))
        return out
    }

    private func audit(intervals: Bool, narrowest: Bool, control: Bool) -> AuditReport {
        var a = AuditReport(threshold: 5, intervals: [], municipalityOfSchool: intervals ? ["974123456": "0301", "97412345": "5001", "a/b": "\"x\""] : [:],
                            control: control ? .init(figures: 10, figuresWithheld: 3, cells: 7, cellsWithheld: 2, cellsWithheldPrimary: 1,
                                                     cellsWithheldSecondary: 1, rounds: 4) : nil)
        if intervals {
            let json = #"{"quantity":"cases","grouping":"school/x","group":"1","low":0,"high":9,"protected":true,"exact":false}"#
            let open = #"{"quantity":"cases","grouping":"all","group":"all","low":7,"protected":true,"exact":true}"#
            a.intervals = try! [json, open].map { try JSONDecoder().decode(AuditReport.CellInterval.self, from: Data($0.utf8)) }
            if narrowest { a.narrowest = a.intervals[0] }
        }
        return a
    }

    private func encoder(_ formatting: JSONEncoder.OutputFormatting) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = formatting
        return e
    }

    func testAFigureIsWrittenAsTheEncoderWritesIt() throws {
        for escapes in [true, false] {
            let e = encoder(escapes ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes])
            for f in figures() {
                var json = JSONBytes(escapesSlashes: escapes)
                try json.figure(f)
                XCTAssertEqual(String(decoding: json.take(), as: UTF8.self), String(decoding: try e.encode(f), as: UTF8.self))
            }
        }
    }

    func testANumberThatIsNotFiniteIsRefusedAsTheEncoderRefusesIt() {
        for bad in [Double.nan, .infinity, -.infinity] {
            let f = Figure(metric: .cases, statistic: .count, unit: .cases, grouping: "all", group: "all", n: 1, estimate: bad)
            var json = JSONBytes()
            XCTAssertThrowsError(try json.figure(f))
            XCTAssertThrowsError(try encoder([.sortedKeys]).encode(f))
        }
    }

    func testTheAuditIsWrittenAsTheEncoderWritesIt() throws {
        for intervals in [true, false] {
            for narrowest in [true, false] {
                for control in [true, false] {
                    let a = audit(intervals: intervals, narrowest: narrowest, control: control)
                    XCTAssertEqual(String(decoding: try a.encoded(), as: UTF8.self),
                                   String(decoding: try encoder([.sortedKeys, .prettyPrinted]).encode(a), as: UTF8.self))
                }
            }
        }
    }

    func testThePublicationRecordIsWrittenAsTheEncoderWritesIt() throws {
        var truth: [String: Int] = [:]
        for (i, text) in Self.awkward.enumerated() { truth["cases|school|" + text] = i * 37 - 3 }
        for a in [audit(intervals: true, narrowest: true, control: true), audit(intervals: false, narrowest: false, control: false)] {
            for figures in [figures(), []] {
                for truth in [truth, [:]] {
                    let record = PreviousPublication(asOf: "2026-11-28", threshold: 5, figures: figures, truth: truth, audit: a)
                    XCTAssertEqual(String(decoding: try record.encoded(), as: UTF8.self),
                                   String(decoding: try encoder([.sortedKeys]).encode(record), as: UTF8.self))
                    XCTAssertEqual(try PreviousPublication.decode(try record.encoded()), record)
                }
            }
        }
    }

    /// `PublicationReader` reads what `JSONDecoder` reads, in any layout the encoder writes
    /// (sorted or not, pretty or not, slashes escaped or not) and with `\u` escapes; what it
    /// does not know it leaves to `JSONDecoder` (nil), never a different record.
    func testTheRecordReaderReadsWhatTheDecoderReads() throws {
        var truth: [String: Int] = [:]
        for (i, text) in Self.awkward.enumerated() { truth["cases|school|" + text] = i * 37 - 3 }
        var read = 0
        for a in [audit(intervals: true, narrowest: true, control: true), audit(intervals: false, narrowest: false, control: false)] {
            for figures in [figures(), []] {
                let record = PreviousPublication(asOf: "2026-11-28", threshold: 5, figures: figures, truth: truth, audit: a)
                var layouts = [try record.encoded()]
                for formatting: JSONEncoder.OutputFormatting in [[], [.prettyPrinted], [.sortedKeys, .withoutEscapingSlashes]] {
                    layouts.append(try encoder(formatting).encode(record))
                }
                for data in layouts {
                    let decoded = try JSONDecoder().decode(PreviousPublication.self, from: data)
                    XCTAssertEqual(decoded, record)
                    XCTAssertEqual(PublicationReader.read(data), decoded)
                    read += 1
                }
            }
        }
        XCTAssertEqual(read, 16)

        // Escapes the encoder does not write, an unknown key and nulls: read as the decoder does.
        let record = PreviousPublication(asOf: "2026-11-28", threshold: 5, figures: [], truth: [:], audit: audit(intervals: false, narrowest: false, control: false))
        let auditText = String(decoding: try record.audit.encoded(), as: UTF8.self)
        let figure = #"{"metric":"cases","statistic":"count","unit":"cases","grouping":"sch\u00f8ol\ud83d\ude00\/x","group":"a\tb","#
            + #""category":null,"n":12,"estimate":1.5e1,"ci_low":-0.25,"ci_high":null,"suppressed":false,"extra":[1,{"x":null}],"#
            + #""reference":"none","reference_n":3,"p_value":1E-3,"test":"chi-square"}"#
        let crafted = #"{ "truth" : {"a|b|c": 4, "d": -2}, "figures": ["# + figure + #"], "threshold": 5, "as_of": "2026-11-28", "#
            + #""audit": "# + auditText + "}"
        let data = Data(crafted.utf8)
        let decoded = try JSONDecoder().decode(PreviousPublication.self, from: data)
        XCTAssertEqual(decoded.figures.first?.grouping, "schøol😀/x")
        XCTAssertEqual(decoded.figures.first?.comparison?.pValue, 0.001)
        XCTAssertEqual(PublicationReader.read(data), decoded)

        // Not a record it knows: nil, and `decode` goes on to the decoder's answer.
        for bad in [crafted.replacingOccurrences(of: #""metric":"cases""#, with: #""metric":"no_such_metric""#),
                    crafted.replacingOccurrences(of: #""n":12"#, with: #""n":"12""#),
                    crafted.replacingOccurrences(of: #""n":12"#, with: #""n":+12"#),
                    crafted.replacingOccurrences(of: #""n":12"#, with: #""n":012"#),
                    crafted.replacingOccurrences(of: #""ci_low":-0.25"#, with: #""ci_low":-.25"#),
                    crafted.replacingOccurrences(of: #""estimate":1.5e1"#, with: #""estimate":1.e1"#),
                    crafted.replacingOccurrences(of: #""threshold": 5,"#, with: ""),
                    String(crafted.dropLast()), crafted + "x"] {
            XCTAssertNil(PublicationReader.read(Data(bad.utf8)), bad)
            XCTAssertThrowsError(try PreviousPublication.decode(Data(bad.utf8)))
        }
    }
}
