/// A vendor format, described declaratively (one mapping file under `Pipelines/mappings/`).
/// The readers know nothing of any vendor: a new format is a new mapping file.
/// The language is documented in `Pipelines/README.md`.
public struct MappingSpec: Codable, Sendable, Equatable {
    public enum Format: String, Codable, Sendable { case xml, csv }
    public enum Layout: String, Codable, Sendable {
        /// One record (XML element, CSV row) per case.
        case casePerRecord = "case-per-record"
        /// One record per event; rows of a case are merged by case number and school,
        /// wherever they are in the file or the night's files.
        case eventPerRecord = "event-per-record"
    }

    public var name: String
    public var format: Format
    /// Glob patterns on the file name (`smx_*.xml`, `smx_*.xml.gz`).
    public var files: [String]
    public var layout: Layout?
    /// XML: the absolute path of the repeating record element (`/Eksport/Skole/Sak`).
    public var record: String?
    /// CSV: the delimiter (default `;`) and encoding (`auto`, `utf-8`, `windows-1252`).
    public var delimiter: String?
    public var encoding: String?
    /// When the export was made (open cases are censored at this time).
    public var exportTime: FieldSpec
    /// Canonical field name → where its value comes from. See `CanonicalField`.
    public var fields: [String: FieldSpec]
    public var events: [EventSpec]?
    public var closing: ClosingSpec?
    /// Named code tables: vendor value → canonical code (`null` = unknown).
    public var codes: [String: [String: String?]]?
    /// Columns or elements the export carries that are deliberately never read (names,
    /// contact data, free text). Listed so that any other unmapped column is reported.
    public var ignore: [String]?

    enum CodingKeys: String, CodingKey {
        case name, format, files, layout, record, delimiter, encoding, fields, events, closing, codes, ignore
        case exportTime = "export_time"
    }
}

/// Where one value comes from and how to read it.
public struct FieldSpec: Codable, Sendable, Equatable {
    /// XML: `@attr`, `Child/@attr`, `Child` (text), `../@attr` (ancestor), `/Root/@attr`;
    /// CSV: a column name. Both: `$filename`.
    public var from: String
    /// Date formats tried in order: `iso8601`, or patterns of `yyyy MM dd HH mm ss`
    /// (local Europe/Oslo time).
    public var format: [String]?
    /// The code table that translates the vendor's value.
    public var codes: String?
    /// Multi-valued inside one value: the separator (`,`, `;`, `whitespace`).
    public var split: String?
    /// A regular expression whose first group is the value (for `$filename`).
    public var pattern: String?

    public init(from: String, format: [String]? = nil, codes: String? = nil, split: String? = nil, pattern: String? = nil) {
        self.from = from
        self.format = format
        self.codes = codes
        self.split = split
        self.pattern = pattern
    }

    /// Accepts the short form `field: "Column"` as well as the full mapping.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self.init(from: text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var formats: [String]?
        if let one = try? c.decode(String.self, forKey: .format) { formats = [one] } else {
            formats = try c.decodeIfPresent([String].self, forKey: .format)
        }
        self.init(from: try c.decode(String.self, forKey: .from), format: formats,
                  codes: try c.decodeIfPresent(String.self, forKey: .codes),
                  split: try c.decodeIfPresent(String.self, forKey: .split),
                  pattern: try c.decodeIfPresent(String.self, forKey: .pattern))
    }
}

/// Events: either repeated elements (XML `from: Hendelser/Hendelse`, each one an event, its
/// kind from a code) or one fixed kind whose time sits in a field of the record (SMC's
/// `forste_kontakt_hjem` column).
public struct EventSpec: Codable, Sendable, Equatable {
    /// XML: the repeated element relative to the record. Omitted for column events.
    public var from: String?
    /// A fixed canonical kind (`kind: kontakt_hjem`), or a value read and translated
    /// (`kind: { from: "@type", codes: event }`).
    public var kind: KindSpec
    public var time: FieldSpec
    /// Optional attributes: `initiative`, `channel`, `minutes_sent`, `guardians_took_part`,
    /// `service`, `breach`, and `reason` (for an entry that really is the closing).
    public var attributes: [String: FieldSpec]?

    public enum KindSpec: Codable, Sendable, Equatable {
        case fixed(String)
        case read(FieldSpec)

        public init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self = .fixed(text)
            } else {
                self = .read(try FieldSpec(from: decoder))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .fixed(let s): var c = encoder.singleValueContainer(); try c.encode(s)
            case .read(let f): try f.encode(to: encoder)
            }
        }
    }
}

public struct ClosingSpec: Codable, Sendable, Equatable {
    public var time: FieldSpec
    public var reason: FieldSpec?
}
