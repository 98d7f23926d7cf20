import Foundation
import SaksgangCore

/// Writes synthetic SMX snapshots and SMC deltas exactly as exports.md describes them, with
/// planted effects and a `truth.json` beside them (issue 3). Deterministic: the same options
/// give the same bytes. Streams: municipality by municipality, school by school, case by
/// case, so memory stays flat however many cases are asked for.
public final class ExportGenerator {
    public let options: GeneratorOptions

    public init(options: GeneratorOptions) {
        self.options = options
    }

    /// One municipality's open files during the run.
    private struct OpenFiles {
        var smx: SMXWriter?
        var smc: [SMCWriter] = []
        var all: [ExportFile] = []
        var formatOf: [String: ExportFormat] = [:]
    }

    public func run() throws(SaksgangError) -> GenerationSummary {
        try options.validate()
        let directory = options.outputDirectory.path
        do {
            try FileManager.default.createDirectory(at: options.outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw SaksgangError(.ioError, "cannot create output directory", at: .init(field: "output"))
        }

        // The clock: the current and previous school year up to the day before the export.
        let exportDate = options.exportDate
        let (ey, em, _) = exportDate.components
        let windowStart = LocalDate(year: (em >= 8 ? ey : ey - 1) - 1, month: 8, day: 1)!
        let windowEnd = exportDate.adding(days: -1)
        let clock = SchoolClock(first: windowStart, last: exportDate)
        let schoolDays = clock.schoolDays(from: windowStart, to: windowEnd)
        let exportTime = SchoolClock.instant(exportDate, minute: 2 * 60)
        let deltaDates = (0..<options.smcDeltas).map {
            exportDate.adding(days: -options.deltaSpacingDays * (options.smcDeltas - 1 - $0))
        }
        let deltaTimes = deltaDates.map { SchoolClock.instant($0, minute: 2 * 60) }

        let master = SeededRandom(seed: options.seed)
        let places = MunicipalityCatalogue.all
        let perPlace = Self.apportion(options.cases, weights: places.map(\.weight))

        // Schools (public facts), decided up front so truth.json can list them first.
        var usedOrgnr = Set<String>()
        var schools: [[School]] = []
        var perSchool: [[Int]] = []
        for (i, place) in places.enumerated() {
            var r = master.derived(UInt64(1 + i))
            var list: [School] = []
            for name in place.schoolNames {
                var orgnr = IdentityRegistry.organisationNumber(random: &r)
                while usedOrgnr.contains(orgnr) { orgnr = IdentityRegistry.organisationNumber(random: &r) }
                usedOrgnr.insert(orgnr)
                list.append(School(orgnr: orgnr, municipality: place.number, name: name))
            }
            schools.append(list)
            perSchool.append(Self.apportion(perPlace[i], weights: list.map { _ in 0.5 + r.unit() }))
        }

        let truth = try TruthWriter(directory: directory,
                                    header: truthHeader(places: places, schools: schools, deltaDates: deltaDates),
                                    withCases: options.truthCases)
        var factory = CaseFactory(clock: clock, effects: options.effects, faultShare: options.faultShare)
        var summaryFiles: [GenerationSummary.File] = []
        var tally = TruthTally()
        var record = RecordBuffer(capacity: 8192)

        for (i, place) in places.enumerated() {
            let formats = place.formats(options.formats)
            let cp1252 = place.needsWindows1252(options.formats)
            var files = OpenFiles()
            if formats.contains(.smx) {
                let style = place.smxStyle
                let name = "smx_\(place.number)_\(Self.compact(exportDate)).xml" + (style.compression == .none ? "" : ".gz")
                let file = try ExportFile(directory: directory, name: name, style: style, isXML: true,
                                          gzipLevel: options.gzipLevel)
                var writer = SMXWriter(file: file)
                try writer.begin(generated: exportTime)
                files.smx = writer
                files.all.append(file)
                files.formatOf[name] = .smx
            }
            if formats.contains(.smc) {
                for (k, date) in deltaDates.enumerated() {
                    let style = place.smcStyles[k % place.smcStyles.count]
                    let name = "smc_\(place.number)_\(Self.compact(date)).csv" + (style.compression == .none ? "" : ".gz")
                    let file = try ExportFile(directory: directory, name: name, style: style, isXML: false,
                                              gzipLevel: options.gzipLevel)
                    var writer = SMCWriter(file: file)
                    try writer.begin()
                    files.smc.append(writer)
                    files.all.append(file)
                    files.formatOf[name] = .smc
                }
            }

            let total = perPlace[i]
            var done = 0
            for (s, school) in schools[i].enumerated() {
                var random = master.derived(UInt64(1000 + i * 1000 + s))
                try files.smx?.beginSchool(school)
                let n = perSchool[i][s]
                var year = 0, sequence = 0
                for j in 0..<n {
                    let index = min(schoolDays.count - 1, Int((Double(j) + random.unit()) * Double(schoolDays.count) / Double(n)))
                    let day = schoolDays[index]
                    if day.year != year { year = day.year; sequence = 0 }
                    sequence += 1
                    let number = "\(year)\(place.caseNumberSeparator)" + Self.padded(sequence, 4)
                    let c = factory.make(number: number, school: school, place: place, day: day,
                                         windows1252Only: cp1252, random: &random)
                    let final = c.version(at: exportTime)
                    var appearances: [(String, SyntheticCase.Version)] = []
                    if var smx = files.smx {
                        try smx.write(c, final)
                        files.smx = smx
                        smx.file.records += 1
                        appearances.append((smx.file.name, final))
                    }
                    for k in files.smc.indices {
                        let t = deltaTimes[k]
                        guard c.exists(at: t) else { continue }
                        let v = k == files.smc.count - 1 && t == exportTime ? final : c.version(at: t)
                        if k > 0 && v.lastChanged <= deltaTimes[k - 1] { continue }
                        try files.smc[k].write(c, v)
                        files.smc[k].file.records += 1
                        appearances.append((files.smc[k].file.name, v))
                    }
                    tally.add(c, final, exportTime: exportTime)
                    if options.truthCases {
                        record.removeAll()
                        truthRecord(c, final, appearances: appearances, exportTime: exportTime, into: &record)
                        try truth.writeCase(record)
                        notePersonalValues(c, truth)
                    }
                    done += 1
                    // Multi-member gzip: close a member after a third and two thirds of the cases.
                    if total >= 3 && (done == total / 3 || done == 2 * total / 3) {
                        for f in files.all { try f.startNewMember() }
                    }
                }
                try files.smx?.endSchool()
            }
            try files.smx?.end()
            for f in files.all {
                let bytes = try f.close()
                summaryFiles.append(.init(name: f.name, format: files.formatOf[f.name]!, municipality: place.number,
                                          style: f.style, records: f.records, bytes: bytes,
                                          uncompressedBytes: f.uncompressedBytes, gzipMembers: f.members))
                tally.unencodable += f.unencodableCharacters
            }
        }

        try truth.finish(tail: truthTail(files: summaryFiles, tally: tally))
        return GenerationSummary(cases: options.cases, files: summaryFiles,
                                 bytes: summaryFiles.reduce(0) { $0 + $1.bytes }, truthBytes: truth.bytes,
                                 unencodableCharacters: tally.unencodable)
    }

    /// Splits `total` over `weights` by largest remainder (deterministic, sums exactly).
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        guard !weights.isEmpty else { return [] }
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0) }
        var rest = total - counts.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        var k = 0
        while rest > 0 {
            counts[order[k % order.count]] += 1
            rest -= 1
            k += 1
        }
        return counts
    }

    static func compact(_ d: LocalDate) -> String {
        let (y, m, day) = d.components
        return padded(y, 4) + padded(m, 2) + padded(day, 2)
    }

    static func padded(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
