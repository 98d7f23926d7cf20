/// The world region of a country background (ISO 3166-1 alpha-2, as the exports give it):
/// the research extract publishes the region, never the country, and generalises a region
/// further to its country group when k-anonymity needs it. The table is the documented
/// mapping of docs/extract.md ("Country regions"); a code not in it (a retired code, an
/// uninhabited territory, a typing error) is `unknown`, like a missing one.
package enum CountryRegion: String, Sendable, CaseIterable {
    case norway
    /// Sweden, Denmark, Finland, Iceland and their self-governing areas.
    case nordic
    /// The rest of the EU and EEA, Switzerland, the United Kingdom and the small states and
    /// crown dependencies among them.
    case euEEAUK = "eu_eea_uk"
    /// Europe outside the EU/EEA and the United Kingdom, with the Caucasus.
    case europeOther = "europe_other"
    /// North Africa and Western Asia (UN M49) with Iran, without the Caucasus and Cyprus.
    case middleEastNorthAfrica = "middle_east_north_africa"
    case subSaharanAfrica = "sub_saharan_africa"
    /// Southern Asia (without Iran) and Central Asia (UN M49).
    case southCentralAsia = "south_central_asia"
    case eastSoutheastAsia = "east_southeast_asia"
    case northAmerica = "north_america"
    case latinAmericaCaribbean = "latin_america_caribbean"
    /// Australia and New Zealand with their external territories (UN M49).
    case australiaNewZealand = "australia_new_zealand"
    /// Melanesia, Micronesia and Polynesia (UN M49).
    case pacificIslands = "pacific_islands"
    case unknown

    /// The region of a country code (either case); `unknown` for nil or a code not in the table.
    package init(country code: String?) {
        guard let code, let region = Self.byCountry[code.uppercased()] else { self = .unknown; return }
        self = region
    }

    /// The coarser level: Norway; country group 1 (the EU/EEA, Switzerland, the United
    /// Kingdom, North America, Australia and New Zealand: close to Statistics Norway's
    /// "landgruppe 1"); country group 2 (every other country); unknown.
    package var countryGroup: String {
        switch self {
        case .norway: return "norway"
        case .unknown: return "unknown"
        case .nordic, .euEEAUK, .northAmerica, .australiaNewZealand: return "country_group_1"
        case .europeOther, .middleEastNorthAfrica, .subSaharanAfrica, .southCentralAsia, .eastSoutheastAsia,
             .latinAmericaCaribbean, .pacificIslands:
            return "country_group_2"
        }
    }

    /// The country codes of each region.
    package static let table: [(CountryRegion, [String])] = [
        (.norway, ["NO", "SJ", "BV"]),
        (.nordic, ["SE", "DK", "FI", "IS", "FO", "GL", "AX"]),
        (.euEEAUK, ["AT", "BE", "BG", "HR", "CY", "CZ", "DE", "EE", "FR", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
                    "NL", "PL", "PT", "RO", "SK", "SI", "ES", "LI", "CH", "GB", "GI", "IM", "JE", "GG", "AD", "MC", "SM", "VA"]),
        (.europeOther, ["AL", "BA", "BY", "MD", "ME", "MK", "RS", "RU", "UA", "XK", "GE", "AM", "AZ"]),
        (.middleEastNorthAfrica, ["DZ", "EG", "LY", "MA", "SD", "TN", "EH", "AE", "BH", "IQ", "IL", "JO", "KW", "LB", "OM",
                                  "PS", "QA", "SA", "SY", "TR", "YE", "IR"]),
        (.subSaharanAfrica, ["AO", "BF", "BI", "BJ", "BW", "CD", "CF", "CG", "CI", "CM", "CV", "DJ", "ER", "ET", "GA", "GH",
                             "GM", "GN", "GQ", "GW", "KE", "KM", "LR", "LS", "MG", "ML", "MR", "MU", "MW", "MZ", "NA", "NE",
                             "NG", "RE", "RW", "SC", "SH", "SL", "SN", "SO", "SS", "ST", "SZ", "TD", "TG", "TZ", "UG", "YT",
                             "ZA", "ZM", "ZW", "IO"]),
        (.southCentralAsia, ["AF", "BD", "BT", "IN", "LK", "MV", "NP", "PK", "KZ", "KG", "TJ", "TM", "UZ"]),
        (.eastSoutheastAsia, ["CN", "HK", "MO", "JP", "KP", "KR", "MN", "TW", "BN", "KH", "ID", "LA", "MY", "MM", "PH",
                              "SG", "TH", "TL", "VN"]),
        (.northAmerica, ["US", "CA", "BM", "PM"]),
        (.latinAmericaCaribbean, ["MX", "GT", "BZ", "HN", "SV", "NI", "CR", "PA", "CU", "DO", "HT", "JM", "TT", "BS", "BB",
                                  "AG", "DM", "GD", "KN", "LC", "VC", "AI", "AW", "BQ", "CW", "SX", "KY", "MS", "TC", "VG",
                                  "VI", "PR", "GP", "MQ", "BL", "MF", "AR", "BO", "BR", "CL", "CO", "EC", "GY", "PY", "PE",
                                  "SR", "UY", "VE", "FK", "GF", "GS"]),
        (.australiaNewZealand, ["AU", "NZ", "NF", "CX", "CC", "HM"]),
        (.pacificIslands, ["FJ", "PG", "SB", "VU", "NC", "FM", "GU", "KI", "MH", "MP", "NR", "PW", "UM", "AS", "CK", "NU",
                           "PF", "PN", "TK", "TO", "TV", "WF", "WS"]),
    ]

    static let byCountry: [String: CountryRegion] = {
        var map: [String: CountryRegion] = [:]
        for (region, codes) in table {
            for code in codes {
                precondition(map[code] == nil, "country code listed twice in CountryRegion.table")
                map[code] = region
            }
        }
        return map
    }()
}
