import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SMX file read with Foundation's XMLParser (not the project's reader): schools, cases
/// with their attributes, the identity numbers, names and phone numbers in it.
final class SMXDocument: NSObject, XMLParserDelegate {
    struct Sak {
        var orgnr: String
        var kommunenr: String
        var attributes: [String: String]
        var elev: [String: String] = [:]
        var kjennskap: [String: String] = [:]
        var events: [[String: String]] = []
        var avsluttet: [String: String]?
        var guardianNumbers: [String] = []
        var texts: [String: [String]] = [:]
    }

    private(set) var root: [String: String] = [:]
    private(set) var cases: [Sak] = []
    private(set) var parseError: Error?
    private var school: [String: String] = [:]
    private var text = ""

    static func parse(_ data: Data) -> SMXDocument {
        let doc = SMXDocument()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = doc
        if !parser.parse() { doc.parseError = parser.parserError ?? NSError(domain: "xml", code: 1) }
        return doc
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        text = ""
        switch name {
        case "Eksport": root = attributes.merging(["ns": namespaceURI ?? ""]) { a, _ in a }
        case "Skole": school = attributes
        case "Sak": cases.append(Sak(orgnr: school["orgnr"] ?? "", kommunenr: school["kommunenr"] ?? "", attributes: attributes))
        case "Elev": cases[cases.count - 1].elev = attributes
        case "Kjennskap": cases[cases.count - 1].kjennskap = attributes
        case "Hendelse": cases[cases.count - 1].events.append(attributes)
        case "Avsluttet": cases[cases.count - 1].avsluttet = attributes
        case "Foresatt": if let f = attributes["fnr"] { cases[cases.count - 1].guardianNumbers.append(f) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if ["Navn", "Telefon", "Epost", "Notat"].contains(name), !cases.isEmpty {
            cases[cases.count - 1].texts[name, default: []].append(text)
        }
        text = ""
    }
}
