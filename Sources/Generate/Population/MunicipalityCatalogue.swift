import SaksgangCore

/// The municipalities of the synthetic country. Numbers are the real kommunenumre in force
/// since 1 January 2024. Vendor choice (documented for the lead and the tests):
/// Oslo, Stavanger and Karasjok use the SMX vendor; Bergen and Trondheim the SMC vendor;
/// Bodø and Tromsø are changing vendor and deliver both, the same cases in both formats.
/// When a run asks for one format only, every municipality delivers that format.
enum MunicipalityCatalogue {
    static let all: [MunicipalityProfile] = [
        MunicipalityProfile(
            number: "0301", name: "Oslo", weight: 0.30, vendor: .smx,
            smxStyle: FileStyle(.utf8, .multiMemberGzip, .lf),
            smcStyles: [FileStyle(.utf8BOM, .gzip, .crlf), FileStyle(.utf8BOM, .none, .lf)],
            categoryShares: [(.a, 0.47), (.b, 0.17), (.c, 0.17), (.e, 0.04), (.f, 0.09), (.g, 0.01), (nil, 0.05)],
            samiShare: 0.002, minorityShares: [(.rom, 0.003), (.romani, 0.002), (.jodisk, 0.002)],
            schoolNames: stems(["Kampen", "Tøyen", "Grünerløkka", "Sagene", "Bjølsen", "Ullevål", "Vahl", "Lakkegata",
                                "Furuset", "Haugerud", "Stovner", "Romsås", "Holmlia", "Mortensrud", "Lindeberg",
                                "Veitvet", "Rødtvet", "Bjerke", "Manglerud", "Ellingsrud", "Vestli", "Hellerud",
                                "Linderud", "Tåsen", "Nordberg", "Ris", "Majorstuen", "Uranienborg", "Sinsen", "Bøler"]),
            caseNumberSeparator: "/"),
        MunicipalityProfile(
            number: "4601", name: "Bergen", weight: 0.16, vendor: .smc,
            smxStyle: FileStyle(.utf8, .gzip, .lf),
            smcStyles: [FileStyle(.utf8BOM, .none, .crlf), FileStyle(.utf8BOM, .gzip, .lf),
                        FileStyle(.utf8BOM, .multiMemberGzip, .crlf)],
            categoryShares: [(.a, 0.72), (.b, 0.10), (.c, 0.05), (.e, 0.03), (.f, 0.06), (.g, 0.01), (nil, 0.03)],
            samiShare: 0.004, minorityShares: [(.romani, 0.002), (.jodisk, 0.001)],
            schoolNames: stems(["Nordnes", "Sandviken", "Åsane", "Eidsvåg", "Laksevåg", "Loddefjord", "Fyllingsdalen",
                                "Landås", "Fana", "Nattland", "Møhlenpris", "Haukeland", "Ytrebygda", "Søreide",
                                "Kringlebotn", "Ulset"]),
            caseNumberSeparator: "-"),
        MunicipalityProfile(
            number: "1103", name: "Stavanger", weight: 0.11, vendor: .smx,
            smxStyle: FileStyle(.iso88591, .none, .crlf),
            smcStyles: [FileStyle(.windows1252, .none, .crlf)],
            categoryShares: [(.a, 0.70), (.b, 0.11), (.c, 0.06), (.e, 0.03), (.f, 0.06), (.g, 0.01), (nil, 0.03)],
            samiShare: 0.003, minorityShares: [(.romani, 0.002), (.skogfinsk, 0.001)],
            schoolNames: stems(["Kvernevik", "Madla", "Hundvåg", "Tasta", "Storhaug", "Kampen", "Våland", "Hinna",
                                "Gautesete", "Jåtten", "Lunde", "Tjensvoll"]),
            caseNumberSeparator: "/"),
        MunicipalityProfile(
            number: "5001", name: "Trondheim", weight: 0.14, vendor: .smc,
            smxStyle: FileStyle(.iso88591, .gzip, .lf),
            smcStyles: [FileStyle(.windows1252, .gzip, .crlf), FileStyle(.windows1252, .none, .crlf),
                        FileStyle(.windows1252, .multiMemberGzip, .lf)],
            categoryShares: [(.a, 0.74), (.b, 0.09), (.c, 0.04), (.e, 0.03), (.f, 0.06), (.g, 0.01), (nil, 0.03)],
            samiShare: 0.006, minorityShares: [(.skogfinsk, 0.002), (.romani, 0.002)],
            schoolNames: stems(["Lade", "Rosenborg", "Singsaker", "Berg", "Åsvang", "Charlottenlund", "Ranheim",
                                "Saupstad", "Kolstad", "Heimdal", "Byåsen", "Ila", "Lilleby", "Nidarvoll"]),
            caseNumberSeparator: "-"),
        MunicipalityProfile(
            number: "1804", name: "Bodø", weight: 0.08, vendor: .both,
            smxStyle: FileStyle(.utf8, .gzip, .lf),
            smcStyles: [FileStyle(.windows1252, .none, .crlf), FileStyle(.windows1252, .gzip, .crlf)],
            categoryShares: [(.a, 0.78), (.b, 0.07), (.c, 0.03), (.e, 0.03), (.f, 0.05), (.g, 0.01), (nil, 0.03)],
            samiShare: 0.04, minorityShares: [(.kvensk, 0.01)],
            schoolNames: stems(["Bodøsjøen", "Hunstad", "Mørkved", "Grønnåsen", "Saltvern", "Rønvik", "Alstad"]),
            caseNumberSeparator: "/"),
        MunicipalityProfile(
            number: "5501", name: "Tromsø", weight: 0.12, vendor: .both,
            smxStyle: FileStyle(.iso88591, .multiMemberGzip, .lf),
            smcStyles: [FileStyle(.utf8BOM, .gzip, .lf), FileStyle(.utf8BOM, .none, .crlf)],
            categoryShares: [(.a, 0.74), (.b, 0.08), (.c, 0.03), (.e, 0.04), (.f, 0.06), (.g, 0.01), (nil, 0.04)],
            samiShare: 0.07, minorityShares: [(.kvensk, 0.04)],
            schoolNames: stems(["Gyllenborg", "Mortensnes", "Kroken", "Tomasjord", "Prestvannet", "Workinnmarka",
                                "Reinen", "Bjerkaker", "Kvaløysletta"]),
            caseNumberSeparator: "/"),
        MunicipalityProfile(
            number: "5610", name: "Kárášjohka – Karasjok", weight: 0.02, vendor: .smx,
            smxStyle: FileStyle(.utf8, .none, .lf),
            smcStyles: [FileStyle(.utf8BOM, .gzip, .lf)],
            categoryShares: [(.a, 0.88), (.b, 0.04), (.c, 0.01), (.e, 0.02), (.f, 0.03), (.g, 0.01), (nil, 0.01)],
            samiShare: 0.80, minorityShares: [(.kvensk, 0.02)],
            schoolNames: ["Kárášjoga skuvla", "Báktevári skuvla"],
            caseNumberSeparator: "/"),
    ]

    private static func stems(_ names: [String]) -> [String] { names.map { "\($0) skole" } }
}
