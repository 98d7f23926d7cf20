import Foundation

/// Searches bytes a run wrote for personal values, the way an attacker would: each value as
/// it was, lower-cased, without separators, JSON-escaped, and in UTF-8, ISO-8859-1 and
/// Windows-1252. Numbers are matched as whole digit runs (a phone number inside the digits of
/// a floating-point estimate is not a leak); text by substring, through `grep -F` so that
/// tens of thousands of values can be searched in megabytes at once. Public tokens (the
/// input file names, which hold dates) are blanked first.
public struct LeakScanner {
    public struct Hit: CustomStringConvertible, Equatable {
        public var file: String
        public var kind: String
        public var description: String { "\((file as NSString).lastPathComponent): \(kind)" }
    }

    private var digitRuns: Set<String> = []
    private var texts: Set<Data> = []
    private let publicTokens: [Data]

    /// - Parameters:
    ///   - values: personal values (identity numbers, local ids, names, phones, e-mails,
    ///     case numbers, free text).
    ///   - publicTokens: strings that may appear although they look like a value's form.
    public init(values: [String], publicTokens: [String] = []) {
        self.publicTokens = publicTokens.map { Data($0.utf8) }.filter { !$0.isEmpty }
        for v in values { add(v) }
    }

    public var needleCount: Int { digitRuns.count + texts.count }

    private mutating func add(_ value: String) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let isWord = trimmed.unicodeScalars.allSatisfy { CharacterSet.letters.contains($0) }
        // A single short name part ("Ali", "Ole") occurs inside ordinary words.
        if isWord && trimmed.count < 6 { return }
        // Without separators: for values with digits (identity, phone and case numbers). A
        // name run together ("olahansen") is no form a leak takes, and short runs of letters
        // occur by chance inside base32 pseudonyms.
        var forms = Set([trimmed, trimmed.lowercased()])
        if trimmed.contains(where: \.isNumber) {
            forms.insert(String(trimmed.unicodeScalars.filter { !" -./+()".unicodeScalars.contains($0) }))
        }
        for form in forms where form.count >= 4 {
            if form.allSatisfy(\.isASCII) && form.allSatisfy(\.isNumber) {
                digitRuns.insert(form)
                continue
            }
            for line in form.split(whereSeparator: \.isNewline).map(String.init) where line.count >= 6 || line == form {
                addText(line)
            }
        }
        // Free text: also its longer fragments that carry a name or a number, since a leak may
        // cut it (an ordinary lower-case word such as a violation code is no fragment of a
        // person).
        if trimmed.count > 30 {
            for part in trimmed.split(separator: " ").map(String.init) where part.count >= 8
                && part.contains(where: { $0.isUppercase || $0.isNumber }) {
                // A number in the text (a phone number) is matched like every number: as a
                // whole digit run, not inside the digits of an estimate.
                if part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) { digitRuns.insert(part) } else { addText(part) }
            }
        }
    }

    private mutating func addText(_ s: String) {
        for encoding in [String.Encoding.utf8, .isoLatin1, .windowsCP1252] {
            if let d = s.data(using: encoding) { texts.insert(d) }
        }
        // As JSON writers escape it: quotes, backslashes and slashes escaped, and once more
        // with everything outside ASCII as \uXXXX.
        var plain = "", ascii = ""
        for u in s.unicodeScalars {
            switch u {
            case "\"": plain += "\\\""; ascii += "\\\""
            case "\\": plain += "\\\\"; ascii += "\\\\"
            case "/": plain += "\\/"; ascii += "\\/"
            default:
                plain.unicodeScalars.append(u)
                if u.isASCII { ascii.unicodeScalars.append(u) } else {
                    for unit in String(u).utf16 { ascii += String(format: "\\u%04x", unit) }
                }
            }
        }
        texts.insert(Data(plain.utf8))
        texts.insert(Data(ascii.utf8))
        texts.insert(Data(ascii.uppercased().replacingOccurrences(of: "\\U", with: "\\u").utf8))
    }

    /// Every hit in `paths`. grep does the byte work (in C, one automaton for all values):
    /// once for digit runs, once for the text values together with the public tokens, so
    /// that a text value inside a public token (a first name inside a school's name) is read
    /// as the longer public match.
    public func scan(_ paths: [String]) throws -> [Hit] {
        guard !paths.isEmpty else { return [] }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("leakscan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let publicSet = Set(publicTokens)
        var patterns = Data()
        for t in texts.union(publicSet) where !t.contains(0x0A) {
            patterns.append(t)
            patterns.append(0x0A)
        }
        let patternFile = work.appendingPathComponent("patterns").path
        try patterns.write(to: URL(fileURLWithPath: patternFile))
        let publicDigits = Set(publicTokens.flatMap { Self.digitRuns(in: $0) })

        var hits: [Hit] = []
        for (file, match) in try Self.grep(["-E", "[0-9]{4,}"], paths) {
            let run = String(decoding: match, as: UTF8.self)
            if digitRuns.contains(run) && !publicDigits.contains(run) {
                hits.append(Hit(file: file, kind: "a number (\(run.count) digits)"))
            }
        }
        for (file, match) in try Self.grep(["-F", "-f", patternFile], paths) where !publicSet.contains(match) {
            hits.append(Hit(file: file, kind: "a text value (\(match.count) bytes)"))
        }
        return hits
    }

    static func digitRuns(in bytes: Data) -> [String] {
        var runs: [String] = []
        var current: [UInt8] = []
        for b in bytes {
            if b >= 0x30 && b <= 0x39 { current.append(b); continue }
            if current.count >= 4 { runs.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        if current.count >= 4 { runs.append(String(decoding: current, as: UTF8.self)) }
        return runs
    }

    /// Each match as (file, bytes); callers never print the bytes (a test log must not carry
    /// a personal value either).
    static func grep(_ arguments: [String], _ files: [String]) throws -> [(String, Data)] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["grep", "-a", "-o", "-H", "--null"] + arguments + files
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C"
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        // With --null each line is "file\0match".
        return data.split(separator: 0x0A).compactMap { line in
            guard let nul = line.firstIndex(of: 0) else { return nil }
            return (String(decoding: line[line.startIndex..<nul], as: UTF8.self), Data(line[(nul + 1)...]))
        }
    }
}
