extension CaseFactory {
    /// Free text as staff write it: the pupil's name, a guardian's phone number, sometimes a
    /// `;`, quotes or a line break. Returns the text and its personal fragments (the lines,
    /// the name and the number as written), for the leak tests' list.
    static func note(pupil: SyntheticPupil, random: inout SeededRandom) -> (String, [String]) {
        if random.chance(0.08) { return ("", []) }
        let first = pupil.givenName
        let full = pupil.fullName
        let phone = pupil.guardians.first(where: { $0.phone != nil })?.phone ?? PupilFactory.phone(&random)
        let guardian = pupil.guardians.first.map { String($0.name.split(separator: " ").first ?? "") } ?? "mor"
        let text: String
        let template = random.int(0...7)
        switch template {
        case 0: text = "Foresatt ringte; \(first) gruer seg til skolen hver morgen. Tlf. \(phone)."
        case 1: text = "\(full) forteller at noen i klassen kaller \(first) \"den nye\" i friminuttene.\nKontaktlærer følger opp."
        case 2: text = "Samtale med \(guardian) (\(phone)).\nAvtalt nytt møte neste uke; referat sendt."
        case 3: text = "Helsesykepleier kobles inn: \(first) har vondt i magen og sover dårlig. Foresatt: \(phone)"
        case 4: text = "Elevene har laget en gruppechat uten \(first). \(guardian) kan nås på \(phone)"
        case 5: text = "\(first) ble dyttet i garderoben etter gym; \"det var bare tull\", sier de andre."
        case 6: text = "Foresatte ønsker tolk.\nRing \(phone) etter kl. 16; spør etter \(guardian)."
        default: text = "Observert utestenging av \(full) i storefri. Tiltak: voksen ute; ny samtale fredag."
        }
        var fragments: [String] = []
        if template == 1 || template == 2 || template == 6 {  // the templates with a line break
            var line: [UInt8] = []
            for b in text.utf8 {
                if b == 0x0A { fragments.append(String(decoding: line, as: UTF8.self)); line.removeAll() } else { line.append(b) }
            }
            fragments.append(String(decoding: line, as: UTF8.self))
        }
        if template != 1 && template != 5 && template != 7 { fragments.append(phone) }
        if template == 1 || template == 7 { fragments.append(full) }
        return (text, fragments)
    }
}
