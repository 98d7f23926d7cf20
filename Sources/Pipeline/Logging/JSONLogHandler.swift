import Foundation
import Logging

/// Log lines as JSON objects, one a line (`--log-format json`), for collectors that prefer
/// JSON to logfmt: `{"level":"info","msg":"…","ts":"…","file":"…"}`, keys sorted. The same
/// rule as logfmt: file names, counts, codes and pseudonyms only, never a personal value.
public struct JSONLogHandler: LogHandler {
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
        var fields: [String: String] = [:]
        for (k, v) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) { fields[k] = v.description }
        fields["ts"] = LogSink.timestamp()
        fields["level"] = "\(event.level)"
        fields["msg"] = event.message.description
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(fields), let line = String(data: data, encoding: .utf8) else { return }
        sink.write(line)
    }
}
