import Foundation
import Logging

/// Log lines a collector can parse (logfmt): `ts=… level=info msg="…" key=value`.
/// Lines go to standard error and, when a file is given, are appended to it.
/// Messages and metadata carry file names, counts, codes and pseudonyms only: callers never
/// interpolate a personal value (the `Sensitive` type prints as `‹redacted›` if one slips).
public struct LogfmtLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let sink: LogSink

    public init(label: String, level: Logger.Level, sink: LogSink) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = "ts=\(LogSink.timestamp()) level=\(event.level) msg=\(Self.quote(event.message.description))"
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() {
            line += " \(key)=\(Self.quote(merged[key]!.description))"
        }
        sink.write(line)
    }

    static func quote(_ s: String) -> String {
        let plain = !s.isEmpty && s.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0 != "\"" && $0 != "=" && $0 != "\\" && $0.value < 0x7f
        }
        if plain { return s }
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}

/// Where log lines go: standard error (unless quiet) and an optional file.
public final class LogSink: @unchecked Sendable {
    private let lock = NSLock()
    private let file: FileHandle?
    private let toStandardError: Bool

    public init(filePath: String?, toStandardError: Bool) {
        self.toStandardError = toStandardError
        if let filePath {
            let dir = (filePath as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: filePath) {
                _ = FileManager.default.createFile(atPath: filePath, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            file = FileHandle(forWritingAtPath: filePath)
            _ = try? file?.seekToEnd()
        } else {
            file = nil
        }
    }

    deinit { try? file?.close() }

    func write(_ line: String) {
        let data = Data((line + "\n").utf8)
        lock.lock(); defer { lock.unlock() }
        if toStandardError { FileHandle.standardError.write(data) }
        file?.write(data)
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}
