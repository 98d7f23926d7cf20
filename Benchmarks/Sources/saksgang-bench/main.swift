// saksgang-bench DIR PIPELINE KEY
// Times each stage of Saksgang cumulatively over every export in DIR, in release builds:
//   decompress  – every byte through the byte source (zlib for .gz)
//   parse       – + the XML or CSV reader (no mapping)
//   map         – + the mapping engine (ExportReader: the reader on its own thread)
//   pseudonymise– + HMAC pseudonyms
//   store       – + SQLite upserts, one transaction per file (a fresh store)
//   measure     – Kaplan–Meier and shares over the whole store
//   publish     – disclosure control, HTML, CSV, JSON
// and prints MB/s (of decompressed bytes), cases/s and the peak RSS so far.
//
// saksgang-bench --measure STORE PIPELINE
// Times the measure stage alone over an existing state store (one `saksgang run` made it):
// reading and decoding every case, collecting every grouping, and computing every figure
// and comparison, with the peak RSS after each.
import Foundation
import Ingest
import Measure
import Disclose
import Generate
import Pipeline
import Pseudonymize
import Publish
import SaksgangCore
import Store

let args = CommandLine.arguments
if args.count == 4, args[1] == "--generate", let n = Int(args[2]) {
    // Exports for the measurements, in a release build (the same generator as `saksgang generate`).
    let summary = try ExportGenerator(options: GeneratorOptions(cases: n, seed: 1, outputDirectory: URL(fileURLWithPath: args[3]),
                                                               truthCases: false)).run()
    print("generated \(summary.cases) cases")
    exit(0)
}
if args.count == 4, args[1] == "--measure" {
    let store = try SQLiteStore(path: args[2])
    let pipeline = try LoadedPipeline.load(path: args[3])
    let cases = try store.caseCount()
    var decoded = 0
    try time("read store", bytes: 0, cases: cases) { try store.forEachCase { _ in decoded += 1 } }
    var measurements = CaseMeasurements(targets: Targets(), clock: pipeline.clock, asOf: try store.latestExports())
    try time("collect", bytes: 0, cases: cases) { try store.forEachCase { measurements.add($0) } }
    var figures: [Figure] = []
    time("figures", bytes: 0, cases: cases) { figures = measurements.figures(threshold: 5) }
    print("cases \(cases), figures \(figures.count), comparisons \(figures.filter { $0.comparison != nil }.count)")
    exit(0)
}
guard args.count >= 4 else {
    print("usage: saksgang-bench EXPORT_DIR PIPELINE_FILE KEY_FILE")
    exit(2)
}
let dir = args[1]
let pipeline = try LoadedPipeline.load(path: args[2], overrides: .init(key: args[3]))
let key = try PseudonymKey(contentsOfFile: args[3])
let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    .compactMap { name -> (String, CompiledMapping)? in
        pipeline.mappings.first { $0.matches(fileName: name) }.map { (dir + "/" + name, $0) }
    }

func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// User and system CPU seconds of this process so far: on a machine shared with other work,
/// steadier than the wall clock.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

@discardableResult func time(_ label: String, bytes: Int64, cases: Int, _ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    let startCPU = cpuSeconds()
    try body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = cpuSeconds() - startCPU
    let mb = Double(bytes) / 1e6
    print(String(format: "%-13@ %8.2f s %9.1f MB/s %10.0f cases/s   peak RSS %6.0f MiB   CPU %8.2f s",
                 label as NSString, seconds, mb / seconds, Double(cases) / seconds, peakRSSMiB(), cpu))
    return seconds
}

// Decompressed size and record count, measured once.
var totalBytes: Int64 = 0
var totalRecords = 0
let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
try time("decompress", bytes: 0, cases: 0) {
    for (path, _) in files {
        let source = try ByteSources.open(path: path)
        while true {
            let n = try source.read(into: buffer)
            if n == 0 { break }
            totalBytes += Int64(n)
        }
    }
}
try time("decompress", bytes: totalBytes, cases: 0) {
    for (path, _) in files {
        let source = try ByteSources.open(path: path)
        while try source.read(into: buffer) > 0 {}
    }
}
try time("parse", bytes: totalBytes, cases: 0) {
    for (path, mapping) in files {
        let source = try ByteSources.open(path: path)
        switch mapping.spec.format {
        case .xml:
            try XMLRecordReader(plan: mapping.xmlPlan!).read(source) { _ in totalRecords += 1 }
        case .csv:
            let csv = try CSVReader(source: source)
            while try csv.nextRow() {
                totalRecords += 1
                for i in 0..<csv.fieldCount where !csv.isEmpty(at: i) { _ = csv.string(at: i) }
            }
        }
    }
}
print("files \(files.count), decompressed \(totalBytes / 1_000_000) MB, records \(totalRecords)")
try time("map", bytes: totalBytes, cases: totalRecords) {
    for (path, mapping) in files {
        _ = try ExportReader(mapping: mapping).read(path: path) { _ in }
    }
}
let pseudonymization = CasePseudonymization(pseudonymizer: Pseudonymizer(key: key))
try time("pseudonymise", bytes: totalBytes, cases: totalRecords) {
    for (path, mapping) in files {
        _ = try ExportReader(mapping: mapping).read(path: path) { result in
            if case .success(let c) = result { _ = pseudonymization.apply(c) }
        }
    }
}
let work = FileManager.default.temporaryDirectory.appendingPathComponent("saksgang-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }
let store = try SQLiteStore(path: work + "/store.sqlite")
try time("store", bytes: totalBytes, cases: totalRecords) {
    for (path, mapping) in files {
        try store.beginFile()
        var n = 0
        _ = try ExportReader(mapping: mapping).read(path: path) { result in
            if case .success(let c) = result {
                _ = try store.upsert(pseudonymization.apply(c).0)
                n += 1
            }
        }
        try store.commitFile(IngestedFile(hash: path, name: path, bytes: 0, format: mapping.spec.name, records: n,
                                          inserted: n, updated: 0, duplicates: 0, quarantined: 0,
                                          ingestedAt: Timestamp(seconds: 0)))
    }
}
let stored = try store.caseCount()
var measurements = CaseMeasurements(clock: pipeline.clock, asOf: try store.latestExports())
var measured: [Figure] = []
try time("measure", bytes: 0, cases: stored) {
    try store.forEachCase { measurements.add($0) }
    measured = measurements.figures(threshold: 5)
}
try time("publish", bytes: 0, cases: stored) {
    let figures = try DisclosureControl(threshold: 5).protect(measured, municipalityOfSchool: measurements.municipalityOfSchool).figures
    let content = ReportContent(title: "bench", asOf: LocalDate(year: 2025, month: 6, day: 20)!, threshold: 5, figures: figures,
                                schoolMunicipalities: measurements.municipalityOfSchool)
    _ = try ReportWriter.write(content, to: work + "/out")
}
print("cases in store \(stored)")
