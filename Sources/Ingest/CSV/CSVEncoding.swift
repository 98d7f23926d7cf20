/// The character encoding of a CSV file.
public enum CSVEncoding: String, Sendable, Equatable, Codable {
    /// Decide from the file: a UTF-8 BOM means UTF-8 (strict). Without a BOM the decision
    /// is made at the first byte ≥ 0x80: if it starts a valid UTF-8 multi-byte sequence the
    /// whole file is read as strict UTF-8, otherwise as Windows-1252. SMC version 3 files
    /// carry a BOM, version 2 files are Windows-1252 without one, and UTF-8 without a BOM is
    /// met in practice; Norwegian Windows-1252 text (æ ø å as single bytes followed by ASCII)
    /// never forms valid UTF-8, so the first non-ASCII character decides reliably. A file
    /// that is pure ASCII reads the same either way and reports `.utf8`.
    case auto
    /// Strict UTF-8 (a BOM, if present, is stripped).
    case utf8
    /// Windows-1252; the five bytes it leaves undefined are `.invalidEncoding`.
    case windows1252
}
