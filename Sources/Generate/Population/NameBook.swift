/// Given names and surnames by origin. Synthetic people only: names are drawn independently,
/// so no generated person is anyone in particular. Sami names carry á, č, đ, ŋ, š, ŧ and ž,
/// Polish, Lithuanian and Turkish names letters outside ISO-8859-1, so every encoding path is
/// exercised; for Windows-1252 files only the names that fit are used.
struct NameBook {
    struct Names {
        var girls: [String], boys: [String], surnames: [String]
    }

    private let full: [Names]
    private let windows1252: [Names]

    init() {
        full = NameOrigin.allCases.map(Self.names)
        windows1252 = full.map { names in
            func fit(_ list: [String]) -> [String] {
                let kept = list.filter(TextEncoding.fitsWindows1252)
                return kept.isEmpty ? ["Ola"] : kept
            }
            return Names(girls: fit(names.girls), boys: fit(names.boys), surnames: fit(names.surnames))
        }
    }

    func names(_ origin: NameOrigin, windows1252Only: Bool) -> Names {
        windows1252Only ? windows1252[origin.rawValue] : full[origin.rawValue]
    }

    func given(_ origin: NameOrigin, female: Bool?, windows1252Only: Bool, random: inout SeededRandom) -> String {
        let n = names(origin, windows1252Only: windows1252Only)
        let girl = female ?? random.chance(0.5)
        return random.pick(girl ? n.girls : n.boys)
    }

    func surname(_ origin: NameOrigin, windows1252Only: Bool, random: inout SeededRandom) -> String {
        random.pick(names(origin, windows1252Only: windows1252Only).surnames)
    }

    // swiftlint:disable function_body_length
    private static func names(_ origin: NameOrigin) -> Names {
        switch origin {
        case .norwegian:
            return Names(
                girls: ["Nora", "Emma", "Ella", "Sofie", "Olivia", "Ada", "Ingrid", "Maja", "Sara", "Frida", "Hedda",
                        "Tiril", "Astrid", "Live", "Selma", "Ingeborg", "Aurora", "Thea", "Mathilde", "Solveig", "Åse",
                        "Kjersti", "Sigrid", "Marte", "Guro", "Ragnhild", "Tuva", "Eirin", "Signe", "Vilde"],
                boys: ["Jakob", "Emil", "Noah", "Oliver", "Filip", "William", "Lucas", "Henrik", "Magnus", "Aksel",
                       "Tobias", "Isak", "Sander", "Håkon", "Sindre", "Ola", "Kristoffer", "Øyvind", "Eirik",
                       "Torbjørn", "Jørgen", "Even", "Mathias", "Bjørn", "Sigurd", "Vetle", "Ådne", "Trygve"],
                surnames: ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
                           "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
                           "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
                           "Lund", "Sørensen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide",
                           "Knutsen", "Martinsen", "Bakken", "Lie", "Amundsen", "Ødegård", "Bråten", "Sæther", "Løvås",
                           "Kvåle", "Fjærli", "Øverland", "Aasen", "Brekke"])
        case .sami:
            return Names(
                girls: ["Máret", "Biret", "Ánne", "Elle", "Sunná", "Ravdna", "Risten", "Inga", "Sárá", "Máijá",
                        "Ingá", "Áile", "Čalbmi", "Šiella", "Gađđá", "Ánne-Máret"],
                boys: ["Niillas", "Ánde", "Ásllat", "Mihkkal", "Jovsset", "Issát", "Máhtte", "Ovllá", "Áilu", "Nilsá",
                       "Piera", "Heaika", "Dávvet", "Lemet", "Čuđet", "Ŋoađđi", "Ŧovde", "Jon-Ánte"],
                surnames: ["Somby", "Sara", "Gaup", "Eira", "Hætta", "Utsi", "Turi", "Buljo", "Bongo", "Oskal", "Skum",
                           "Balto", "Guttorm", "Vuolab", "Logje", "Valkeapää", "Keskitalo", "Siri", "Žoarri", "Šimmá",
                           "Ŋuolga", "Máttá"])
        case .kven:
            return Names(
                girls: ["Aino", "Helmi", "Kaisa", "Liisa", "Siiri", "Anni", "Elli"],
                boys: ["Eino", "Veikko", "Juho", "Matti", "Ilmari", "Väinö", "Aleksi"],
                surnames: ["Isaksen", "Salo", "Niemi", "Lampinen", "Pietilä", "Koivisto", "Mäkelä", "Seppola", "Lindi"])
        case .forestFinn:
            return Names(
                girls: ["Marit", "Kari", "Anne", "Liv", "Berit"],
                boys: ["Per", "Knut", "Arne", "Tore", "Ivar"],
                surnames: ["Oinonen", "Räsänen", "Pelkonen", "Mäkinen", "Toivonen", "Kalneper"])
        case .romani:
            return Names(
                girls: ["Rosa", "Mina", "Sonja", "Tulla", "Bella"],
                boys: ["Johnny", "Rudolf", "Anton", "Frank", "Roy"],
                surnames: ["Karlsen", "Gundersen", "Larsen", "Jansen", "Pettersen", "Fredriksen"])
        case .rom:
            return Names(
                girls: ["Lola", "Mira", "Esmeralda", "Sabina", "Dijana"],
                boys: ["Stevo", "Miloš", "Janko", "Dragan", "Nikola"],
                surnames: ["Josef", "Karoli", "Mirković", "Jovanović", "Nikolić", "Demir"])
        case .jewish:
            return Names(
                girls: ["Miriam", "Rebekka", "Ester", "Rut", "Leah"],
                boys: ["David", "Benjamin", "Samuel", "Aron", "Jonatan"],
                surnames: ["Levi", "Cohen", "Feinberg", "Abrahamsen", "Mendelsohn", "Scheer"])
        case .arabic:
            return Names(
                girls: ["Fatima", "Aisha", "Maryam", "Noor", "Layla", "Hiba", "Rania", "Yasmin", "Zainab", "Amira"],
                boys: ["Mohammed", "Ahmad", "Ali", "Omar", "Yousef", "Hassan", "Ibrahim", "Khaled", "Mustafa", "Hamza"],
                surnames: ["Al-Hassan", "Haddad", "Ibrahim", "Khalil", "Mahmoud", "Nasser", "Saleh", "Yousef", "Al-Ali",
                           "Hussein", "Abdullah", "Darwish"])
        case .somali:
            return Names(
                girls: ["Hodan", "Ayaan", "Fadumo", "Hamdi", "Ifrah", "Nasra", "Sahra", "Ubah", "Idil"],
                boys: ["Abdirahman", "Abdi", "Mohamed", "Liban", "Mahad", "Yusuf", "Farah", "Guled", "Hamse"],
                surnames: ["Ali", "Hassan", "Warsame", "Abdi", "Farah", "Jama", "Osman", "Mohamud", "Hersi", "Dahir"])
        case .tigrinya:
            return Names(
                girls: ["Senait", "Helen", "Selam", "Ruta", "Feven", "Mebrat", "Saba"],
                boys: ["Yonas", "Dawit", "Filmon", "Robel", "Samuel", "Tesfay", "Mehari"],
                surnames: ["Tesfamariam", "Ghebremedhin", "Haile", "Berhane", "Kidane", "Tekle", "Woldu", "Abraha"])
        case .afghan:
            return Names(
                girls: ["Mariam", "Zahra", "Parwana", "Fereshta", "Nilofar", "Shabnam", "Mursal"],
                boys: ["Ahmad", "Mohammad", "Farid", "Javid", "Mustafa", "Hamid", "Sohrab", "Ramin"],
                surnames: ["Rahimi", "Ahmadi", "Hashimi", "Karimi", "Sultani", "Noori", "Azizi", "Popal", "Sadat"])
        case .polish:
            return Names(
                girls: ["Zofia", "Zuzanna", "Julia", "Maja", "Hanna", "Wiktoria", "Małgorzata", "Agnieszka", "Łucja"],
                boys: ["Jakub", "Antoni", "Jan", "Szymon", "Filip", "Kacper", "Mikołaj", "Wojciech", "Michał", "Paweł"],
                surnames: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
                           "Zieliński", "Szymański", "Dąbrowski", "Kozłowski", "Mazur"])
        case .ukrainian:
            return Names(
                girls: ["Sofiia", "Anastasiia", "Yeva", "Mariia", "Daryna", "Oleksandra", "Viktoriia"],
                boys: ["Oleksandr", "Maksym", "Artem", "Dmytro", "Bohdan", "Mykyta", "Andrii", "Taras"],
                surnames: ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Oliinyk", "Melnyk",
                           "Boiko", "Koval"])
        case .lithuanian:
            return Names(
                girls: ["Emilija", "Sofija", "Gabija", "Austėja", "Urtė", "Ugnė"],
                boys: ["Jonas", "Lukas", "Matas", "Dominykas", "Nojus", "Kajus"],
                surnames: ["Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Vasiliauskas", "Žukauskas",
                           "Butkus", "Paulauskas"])
        case .urdu:
            return Names(
                girls: ["Ayesha", "Hira", "Sana", "Mahnoor", "Iqra", "Zara", "Amna"],
                boys: ["Ali", "Hamza", "Bilal", "Usman", "Zain", "Faisal", "Imran", "Hassan"],
                surnames: ["Khan", "Ahmed", "Butt", "Chaudhry", "Iqbal", "Malik", "Mirza", "Qureshi", "Raza", "Javed"])
        case .vietnamese:
            return Names(
                girls: ["Linh", "Anh", "Mai", "Thu", "Huong", "Ngoc", "Lan"],
                boys: ["Minh", "Duc", "Huy", "Khanh", "Long", "Tuan", "Bao"],
                surnames: ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"])
        case .filipino:
            return Names(
                girls: ["Maria", "Angel", "Princess", "Joy", "Kristine", "Althea"],
                boys: ["John", "Mark", "Paolo", "Carlo", "Miguel", "Renz"],
                surnames: ["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Dela Cruz", "Villanueva"])
        case .thai:
            return Names(
                girls: ["Ploy", "Nok", "Fah", "Pim", "Mali", "Kanya"],
                boys: ["Somchai", "Niran", "Anan", "Kiet", "Chai", "Boon"],
                surnames: ["Srisuk", "Chaiyaporn", "Wongsa", "Saetang", "Phromma", "Boonmee"])
        case .turkish:
            return Names(
                girls: ["Elif", "Zeynep", "Ebru", "Ayşe", "Merve", "Büşra"],
                boys: ["Emre", "Mehmet", "Yusuf", "Can", "Burak", "Ömer"],
                surnames: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın"])
        case .western:
            return Names(
                girls: ["Alice", "Emily", "Lena", "Ida", "Freja", "Hannah", "Charlotte", "Clara"],
                boys: ["Oscar", "Felix", "Lukas", "Jonas", "Ben", "Max", "Elias", "Harry"],
                surnames: ["Andersson", "Johansson", "Müller", "Schmidt", "Smith", "Brown", "Nielsen", "Lindqvist"])
        }
    }
}
