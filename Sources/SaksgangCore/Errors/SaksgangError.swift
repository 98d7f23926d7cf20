/// An error any stage can raise: a stable code, a message, and where it happened.
///
/// Messages never carry a personal value: they name the file, the position, the field and
/// what was wrong with it ("not a valid date", "unknown code"), never what the field held.
public struct SaksgangError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Code
    public var message: String
    public var location: Location

    public init(_ code: Code, _ message: String, at location: Location = Location()) {
        self.code = code
        self.message = message
        self.location = location
    }

    /// Stable machine-readable reasons. They appear in quarantine files and logs.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        // Files and bytes
        public static let ioError = Code(rawValue: "io_error")
        /// A directory, FIFO, device, socket or a link to one, named like an export: never opened for reading.
        public static let notRegularFile = Code(rawValue: "not_a_regular_file")
        /// The file exists but cannot be opened (permissions).
        public static let unreadableFile = Code(rawValue: "file_unreadable")
        /// The disk holding the state or the output folder is full.
        public static let diskFull = Code(rawValue: "disk_full")
        public static let emptyFile = Code(rawValue: "empty_file")
        public static let gzipTruncated = Code(rawValue: "gzip_truncated")
        public static let gzipCorrupt = Code(rawValue: "gzip_corrupt")
        public static let gzipTooLarge = Code(rawValue: "gzip_too_large")
        public static let invalidEncoding = Code(rawValue: "invalid_encoding")
        public static let nulByte = Code(rawValue: "nul_byte")
        // XML
        public static let xmlMalformed = Code(rawValue: "xml_malformed")
        public static let xmlDoctype = Code(rawValue: "xml_doctype_refused")
        public static let xmlTooDeep = Code(rawValue: "xml_too_deep")
        public static let xmlWrongRoot = Code(rawValue: "xml_wrong_root")
        /// Elements stand where records could be, but none matches the mapping's record path.
        public static let recordPathUnmatched = Code(rawValue: "record_path_matches_nothing")
        /// Element text a mapping reads is larger than the reader's limit.
        public static let xmlValueTooLarge = Code(rawValue: "xml_value_too_large")
        // CSV
        public static let csvUnbalancedQuote = Code(rawValue: "csv_unbalanced_quote")
        public static let csvFieldTooLarge = Code(rawValue: "csv_field_too_large")
        public static let csvMissingColumn = Code(rawValue: "csv_missing_column")
        public static let csvColumnCount = Code(rawValue: "csv_column_count")
        public static let csvWrongDelimiter = Code(rawValue: "csv_wrong_delimiter")
        // Records
        public static let missingField = Code(rawValue: "missing_field")
        public static let invalidDate = Code(rawValue: "invalid_date")
        public static let unknownCode = Code(rawValue: "unknown_code")
        public static let invalidNumber = Code(rawValue: "invalid_number")
        public static let invalidIdentity = Code(rawValue: "invalid_identity_number")
        public static let invalidOrgnr = Code(rawValue: "invalid_organisation_number")
        public static let eventBeforeKnowledge = Code(rawValue: "event_before_knowledge")
        public static let eventAfterExport = Code(rawValue: "event_after_export")
        public static let duplicateInFile = Code(rawValue: "duplicate_case_in_file")
        /// A mapped field had no value in any record of a file (a warning: often a typo in
        /// the mapping's `from`).
        public static let emptyField = Code(rawValue: "field_empty_in_file")
        // Configuration and operation
        public static let configuration = Code(rawValue: "configuration")
        public static let mapping = Code(rawValue: "mapping")
        public static let key = Code(rawValue: "key")
        public static let lockHeld = Code(rawValue: "lock_held")
        public static let store = Code(rawValue: "store")
    }

    /// Where: file, line or element path, byte offset, field. Every part is optional.
    public struct Location: Sendable, Equatable, Codable {
        public var file: String?
        public var line: Int?
        public var byteOffset: Int64?
        public var elementPath: String?
        public var record: Int?
        public var field: String?

        public init(file: String? = nil, line: Int? = nil, byteOffset: Int64? = nil,
                    elementPath: String? = nil, record: Int? = nil, field: String? = nil) {
            self.file = file
            self.line = line
            self.byteOffset = byteOffset
            self.elementPath = elementPath
            self.record = record
            self.field = field
        }

        /// Fills what `other` knows and this one does not.
        public func merged(with other: Location) -> Location {
            Location(file: file ?? other.file, line: line ?? other.line,
                     byteOffset: byteOffset ?? other.byteOffset,
                     elementPath: elementPath ?? other.elementPath,
                     record: record ?? other.record, field: field ?? other.field)
        }

        public var description: String {
            var parts: [String] = []
            if let file { parts.append(file) }
            if let record { parts.append("record \(record)") }
            if let line { parts.append("line \(line)") }
            if let elementPath { parts.append("element \(elementPath)") }
            if let byteOffset { parts.append("byte \(byteOffset)") }
            if let field { parts.append("field \(field)") }
            return parts.joined(separator: ", ")
        }
    }

    public func at(_ more: Location) -> SaksgangError {
        var copy = self
        copy.location = location.merged(with: more)
        return copy
    }

    public var description: String {
        let place = location.description
        return place.isEmpty ? "\(code): \(message)" : "\(place): \(code): \(message)"
    }
}
