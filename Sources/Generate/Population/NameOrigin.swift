/// Where a generated person's names come from: Norwegian, Sami, the national minorities
/// and the countries immigrant pupils in Norway most often have their background in.
enum NameOrigin: Int, CaseIterable, Sendable {
    case norwegian, sami, kven, forestFinn, romani, rom, jewish
    case arabic, somali, tigrinya, afghan, polish, ukrainian, lithuanian, urdu
    case vietnamese, filipino, thai, turkish, western

    /// The name origin of a country background (ISO 3166-1 alpha-2).
    static func of(country: String) -> NameOrigin {
        switch country {
        case "SY", "IQ": return .arabic
        case "SO": return .somali
        case "ER": return .tigrinya
        case "AF": return .afghan
        case "PL": return .polish
        case "UA", "RU": return .ukrainian
        case "LT": return .lithuanian
        case "PK": return .urdu
        case "VN": return .vietnamese
        case "PH": return .filipino
        case "TH": return .thai
        case "TR": return .turkish
        case "NO": return .norwegian
        default: return .western
        }
    }

    /// The language (ISO 639-1) a guardian from this country prefers.
    static func language(country: String) -> String {
        switch country {
        case "SY", "IQ": return "ar"
        case "SO": return "so"
        case "ER": return "ti"
        case "AF": return "fa"
        case "PL": return "pl"
        case "UA": return "uk"
        case "RU": return "ru"
        case "LT": return "lt"
        case "PK": return "ur"
        case "VN": return "vi"
        case "PH": return "tl"
        case "TH": return "th"
        case "TR": return "tr"
        case "SE": return "sv"
        case "DK": return "da"
        case "DE": return "de"
        case "GB", "US": return "en"
        default: return "nb"
        }
    }
}
