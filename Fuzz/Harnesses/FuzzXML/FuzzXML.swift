import CSaksgangXML
import FuzzSupport
import Ingest
import SaksgangCore

/// The capture plan of the committed SMX mapping (/Eksport/Skole/Sak, ancestor attributes,
/// the Hendelser/Hendelse group), compiled once.
let smxPlan: XMLCapturePlan = FuzzInput.mapping("smx").xmlPlan!

/// Set while the reader still accepts a document whose declared encoding's converter fails
/// (libxml2 stops without an error callback; see Fuzz/README.md), so that the run goes on
/// to look for other findings.
let allowKnownEncodingStop = FuzzInput.environment("FUZZ_XML_ALLOW_ENCODING_STOP") == "1"

/// Whether the XML declaration names an encoding other than UTF-8 or ISO-8859-1, i.e. one
/// read through a converter that can meet an undefined byte (the known finding).
func declaresConvertedEncoding(_ bytes: [UInt8]) -> Bool {
    let head = String(decoding: bytes.prefix(256), as: UTF8.self).lowercased()
    guard head.hasPrefix("<?xml"), let end = head.firstIndex(of: ">"),
          let at = head[..<end].range(of: "encoding=") else { return false }
    let value = head[at.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
    return !["utf-8", "utf8", "iso-8859-1", "latin1"].contains(String(value))
}

/// The error libxml2's whole-document parser reports for `bytes`, or nil if it accepts them:
/// an independent verdict on well-formedness. Whatever the streaming reader accepts, this
/// must accept too.
func libxml2Refusal(_ bytes: [UInt8]) -> (domain: Int32, code: Int32)? {
    guard !bytes.isEmpty else { return (0, 0) }
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    xmlResetLastError()
    let doc = bytes.withUnsafeBytes { raw in
        xmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count), "fuzz.xml", nil, options)
    }
    if let doc {
        xmlFreeDoc(doc)
        return nil
    }
    guard let last = xmlGetLastError() else { return (0, 0) }
    return (last.pointee.domain, last.pointee.code)
}

/// libFuzzer entry for `XMLRecordReader`: reads the input with the SMX capture plan in one
/// chunk and again through small chunks (the first push to libxml2 then holds fewer than
/// four bytes); the records and the success or failure must agree, and a document the reader
/// accepts must be one libxml2's whole-document parser accepts too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    let whole = XMLReading(bytes, plan: smxPlan, inputChunk: .max)
    let small = XMLReading(bytes, plan: smxPlan, inputChunk: FuzzInput.smallChunk(bytes, modulo: 97))
    if (whole.error == nil) != (small.error == nil) {
        FuzzInput.finding("XML outcome depends on chunking: \(whole.error?.rawValue ?? "ok") vs \(small.error?.rawValue ?? "ok")")
    }
    if whole.error == nil && whole.records != small.records { FuzzInput.finding("XML records depend on chunking") }
    if whole.error == nil, let refusal = libxml2Refusal(bytes) {
        if !(allowKnownEncodingStop && declaresConvertedEncoding(bytes)) {
            FuzzInput.finding("XMLRecordReader accepted a document libxml2's own parser refuses (domain \(refusal.domain), code \(refusal.code))")
        }
    }
    return 0
}

/// The process entry: libFuzzer's driver with this harness.
@main
enum FuzzXMLMain {
    static func main() { FuzzDriver.run(fuzzXML) }
}
