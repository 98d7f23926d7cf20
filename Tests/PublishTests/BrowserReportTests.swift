import Foundation
@testable import Publish
import TestSupport
import XCTest

/// The report as a reader gets it: rendered by headless Chromium, on screen at A4 width and
/// printed to PDF. These tests fail when CI is set and Chromium is missing (CI installs it in
/// `.ci/setup`); elsewhere they are skipped without it.
final class BrowserReportTests: XCTestCase {
    /// A4 at 96 px per inch, and the width inside the print sheet's margins (210 − 2 × 13 mm).
    static let a4Width = 794
    static let printableWidth = "184mm"

    var report: WrittenReport!
    var chromium: Chromium!

    override func setUpWithError() throws {
        chromium = try Chromium.required()
        report = try WrittenReport(FortySchoolsReport.content())
    }

    override func tearDown() {
        report?.remove()
    }

    func testScreenshotIsNotBlankAndThePageHoldsEverySchoolTheHeadlineAndTheMethod() throws {
        let png = report.directory.appendingPathComponent("screen.png")
        try chromium.run(["--window-size=1200,2400", "--screenshot=" + png.path, report.url("report.html")])
        let data = try Data(contentsOf: png)
        XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "a PNG")
        // A blank page of this size compresses to about 14 kB; the report's first screen is many times that.
        XCTAssertGreaterThan(data.count, 60_000, "the screenshot looks blank")

        let result = try harness(width: Self.a4Width)
        let text = try XCTUnwrap(result["text"] as? String)
        for school in FortySchoolsReport.schools { XCTAssertTrue(text.contains(school.name), school.name) }
        for phrase in ["Hovedtall", "Rapporten omfatter 1200 saker", "Skolene", "Kommunen i alt", "Metode", "Greenwood",
                       "Ikke alt kom med i tallene", "våren 2025", "Etnisk baserte saker", "Hvordan sakene ble avsluttet"] {
            XCTAssertTrue(text.contains(phrase), phrase)
        }
        XCTAssertEqual(result["screen"] as? [String], [], "tables or charts wider than an A4-wide window")
    }

    func testPrintedOnA4NoTableIsWiderThanThePage() throws {
        let result = try harness(width: Self.a4Width)
        XCTAssertEqual(result["print"] as? [String], [], "with the print sheet at \(Self.printableWidth)")
        XCTAssertEqual(result["scrollbars"] as? [String], [], "scrollable boxes in print")

        let pdf = report.directory.appendingPathComponent("report.pdf")
        try chromium.run(["--no-pdf-header-footer", "--print-to-pdf=" + pdf.path, report.url("report.html")])
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        XCTAssertTrue(bytes.hasPrefix("%PDF"))
        let pages = bytes.components(separatedBy: "/Type /Page").count - 1 - (bytes.components(separatedBy: "/Type /Pages").count - 1)
        XCTAssertGreaterThan(pages, 5, "a 40-school report runs over several pages")
        let boxes = Set(bytes.matches(of: /\/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]/).map { "\($0.1) \($0.2)" })
        XCTAssertFalse(boxes.isEmpty)
        for box in boxes {
            let size = box.split(separator: " ").compactMap { Double($0) }
            XCTAssertEqual(size[0], 595.3, accuracy: 1, "A4 width in points")
            XCTAssertEqual(size[1], 841.9, accuracy: 1, "A4 height in points")
        }
        print("printed report: \(pages) A4 pages")
    }

    func testEnglishReportRendersWithTheSameLayout() throws {
        report.remove()
        report = try WrittenReport(FortySchoolsReport.content(language: .english))
        let result = try harness(width: Self.a4Width)
        let text = try XCTUnwrap(result["text"] as? String)
        XCTAssertTrue(text.contains("Method") && text.contains("The schools") && text.contains("spring 2025"))
        XCTAssertEqual(result["screen"] as? [String], [])
        XCTAssertEqual(result["print"] as? [String], [])
    }

    /// Loads the report with a measuring script added (a copy; report.html itself has no
    /// script) and returns what it found: the page text, the tables and charts wider than
    /// their box on screen, and the same with the print sheet applied at the printable width.
    private func harness(width: Int) throws -> [String: Any] {
        let html = try report.text("report.html")
        let page = html.replacingOccurrences(of: "</body>", with: "<script>" + Self.measuringScript + "</script></body>")
        let url = report.directory.appendingPathComponent("harness.html")
        try Data(page.utf8).write(to: url)
        let dom = try chromium.run(["--window-size=\(width),1123", "--virtual-time-budget=5000", "--dump-dom", url.absoluteString])
        guard let start = dom.range(of: "<pre id=\"harness-result\">"), let end = dom[start.upperBound...].range(of: "</pre>") else {
            XCTFail("the measuring script did not run: \(dom.prefix(300))")
            return [:]
        }
        let json = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static let measuringScript = """
    (function () {
      function overflowing(label) {
        var out = [];
        var page = document.documentElement.clientWidth;
        var tables = document.querySelectorAll('table');
        for (var i = 0; i < tables.length; i++) {
          var t = tables[i], box = t.parentElement;
          var name = t.caption ? t.caption.textContent : 'table ' + i;
          if (t.scrollWidth > box.clientWidth + 1 || t.getBoundingClientRect().right > page + 1) {
            out.push(label + ': ' + name + ' is ' + t.scrollWidth + ' px in ' + box.clientWidth + ' px');
          }
        }
        var svgs = document.querySelectorAll('svg');
        for (var j = 0; j < svgs.length; j++) {
          if (svgs[j].getBoundingClientRect().right > page + 1) out.push(label + ': chart ' + j + ' wider than the page');
        }
        return out;
      }
      var result = { text: document.body.innerText, screen: overflowing('screen') };
      var css = '';
      for (var s = 0; s < document.styleSheets.length; s++) {
        var rules = document.styleSheets[s].cssRules;
        for (var r = 0; r < rules.length; r++) {
          if (rules[r].media && rules[r].media.mediaText.indexOf('print') >= 0) {
            for (var q = 0; q < rules[r].cssRules.length; q++) css += rules[r].cssRules[q].cssText + '\\n';
          }
        }
      }
      var style = document.createElement('style');
      style.textContent = css;
      document.head.appendChild(style);
      document.body.style.width = '\(printableWidth)';
      document.body.style.margin = '0';
      document.documentElement.style.width = '\(printableWidth)';
      result.print = overflowing('print');
      var scrollbars = [];
      var all = document.querySelectorAll('main *');
      for (var k = 0; k < all.length; k++) {
        var o = getComputedStyle(all[k]).overflowX;
        if ((o === 'auto' || o === 'scroll') && all[k].scrollWidth > all[k].clientWidth + 1) scrollbars.push(all[k].className);
      }
      result.scrollbars = scrollbars;
      var pre = document.createElement('pre');
      pre.id = 'harness-result';
      pre.textContent = JSON.stringify(result);
      document.body.appendChild(pre);
    })();
    """
}

/// Headless Chromium, found on the machine (`SAKSGANG_CHROMIUM` when set, else the Debian
/// package's binary). Missing: the test fails when CI is set, and is skipped otherwise.
struct Chromium {
    let path: String
    let profile: URL

    static func required() throws -> Chromium {
        let env = ProcessInfo.processInfo.environment
        let candidates = env["SAKSGANG_CHROMIUM"].map { [$0] } ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if let ci = env["CI"], !ci.isEmpty {
                XCTFail("CI is set and Chromium is missing: .ci/setup installs the Debian package chromium")
                throw Missing()
            }
            throw XCTSkip("Chromium is not installed (apt-get install chromium); browser tests skipped")
        }
        return Chromium(path: path, profile: RepoPaths.temporaryDirectory("saksgang-chromium"))
    }

    struct Missing: Error {}

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs Chromium headless with `arguments` and returns its standard output; at most 120 s.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
                       "--no-default-browser-check", "--hide-scrollbars", "--user-data-dir=" + profile.path] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let timer = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: timer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        timer.cancel()
        guard p.terminationStatus == 0 else { throw Failed(description: "chromium exited with \(p.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }
}

extension WrittenReport {
    /// A file's `file://` address.
    func url(_ name: String) -> String { directory.appendingPathComponent(name).absoluteString }
}
