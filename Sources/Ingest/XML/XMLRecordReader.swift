import CSaksgangXML
import SaksgangCore

/// Streams records out of an XML export with libxml2's SAX2 push parser: never a document
/// tree, never the whole file in memory. Names are compared as interned pointers and a
/// `String` is made only for a value the plan captures.
///
/// Safety (style.md): any DOCTYPE is refused (libxml2 2.9 re-expands internal entities with
/// a custom `characters` callback even without NOENT), the external entity loader loads
/// nothing, and NOENT/DTDLOAD/HUGE/XINCLUDE are never set.
public final class XMLRecordReader {
    public let plan: XMLCapturePlan
    public var maxDepth = 64
    /// The longest element text a mapping may capture (1 MiB, as a CSV field): libxml2 caps
    /// attribute values itself, but text reaches us in pieces and is gathered here.
    public var maxTextBytes = 1 << 20

    /// Initialises libxml2 and installs the entity loader that loads nothing. Safe to call
    /// more than once; call it on the main thread before parsing on others.
    public static func prepareLibrary() {
        xmlInitParser()
        saksgang_xml_install_safe_loader()
    }

    public init(plan: XMLCapturePlan) {
        self.plan = plan
    }

    /// Reads every record of `source` and hands each to `consume`. Stops at the first
    /// error in the document (a damaged file is quarantined whole) or thrown by `consume`.
    public func read(_ source: any ByteSource, consume: (RawRecord) throws -> Void) throws {
        let state = ParseState(plan: plan, maxDepth: maxDepth, maxTextBytes: maxTextBytes)
        try withoutActuallyEscaping(consume) { escapable in
            state.consume = escapable
            defer { state.consume = nil }
            try state.run(source)
        }
        // A record path with a typo reads nothing; an export with no case has no elements
        // where records would stand.
        if state.recordCount == 0 && state.offPathElements > 0 {
            throw SaksgangError(.recordPathUnmatched, "no element matches the record path \(state.recordElementPath), though "
                                + "\(state.offPathElements) element(s) stand where records would: is 'record' in the mapping right?")
        }
    }
}

/// The mutable state of one parse, reached from the C callbacks through the user-data
/// pointer.
private final class ParseState {
    typealias Name = UnsafePointer<xmlChar>

    let plan: XMLCapturePlan
    let maxDepth: Int
    let maxTextBytes: Int
    var consume: ((RawRecord) throws -> Void)?
    // The state the callbacks touch per element is exempt from the runtime's exclusivity
    // checks (`swift_beginAccess` per property access was ~4 % of the reader thread): one
    // parse runs on one thread, and no callback holds an access across another.
    @exclusivity(unchecked) var ctxt: xmlParserCtxtPtr?
    @exclusivity(unchecked) var failure: Error?

    // Interned names (pointer identity within the parser's dictionary).
    @exclusivity(unchecked) var recordPath: [Name] = []
    @exclusivity(unchecked) var slotSteps: [[Name]] = []
    @exclusivity(unchecked) var slotAttr: [Name?] = []
    @exclusivity(unchecked) var groupSteps: [[Name]] = []
    @exclusivity(unchecked) var groupSlotSteps: [[[Name]]] = []
    // Precomputed so that the per-element work is a short list, not a scan of every slot.
    @exclusivity(unchecked) var recordSlotsAtDepth: [[Int]] = []      // relative depth → record slots ending there
    @exclusivity(unchecked) var ownSlots: [Int] = []                  // slots on the record element itself
    @exclusivity(unchecked) var ancestorSlotsAtDepth: [[Int]] = []    // absolute depth → ancestor slots
    @exclusivity(unchecked) var groupSlotCounts: [Int] = []
    @exclusivity(unchecked) var recordElementPath = ""
    @exclusivity(unchecked) var groupSlotAttr: [[Name?]] = []

    // Document position.
    @exclusivity(unchecked) var stack: [Name] = []
    @exclusivity(unchecked) var onPath: [Bool] = [true]
    /// Per slot read from an ancestor of the record, the current ancestor's value (bytes).
    @exclusivity(unchecked) var ancestorValues: [[UInt8]?]
    @exclusivity(unchecked) var recordCount = 0
    /// Elements whose parent is on the record path but which are not on it themselves.
    @exclusivity(unchecked) var offPathElements = 0
    @exclusivity(unchecked) var current: RawRecord?
    /// The last record's sizes, for the next one's buffers.
    @exclusivity(unchecked) var previousSizes = RawRecord.Sizes()
    @exclusivity(unchecked) var groupOpenDepth: [Int]
    @exclusivity(unchecked) var textTargets: [(depth: Int, group: Int, slot: Int)] = []
    @exclusivity(unchecked) var text: [UInt8] = []
    var bytesFed: Int64 = 0
    /// Whether the parser's current encoder is libxml2's ISO-8859-1 one (see `byteConsumed`).
    var latin1Checked: (encoder: xmlCharEncodingHandlerPtr?, isLatin1: Bool) = (nil, false)
    /// The characters from `cur` to `end` of the input buffer at the last `byteConsumed`.
    var restCache: (cur: UnsafePointer<xmlChar>, end: UnsafePointer<xmlChar>, base: UnsafePointer<xmlChar>?,
                    rawConsumed: UInt, characters: Int)?
    var rootChecked = false
    /// Set once every byte has been fed and the parser is told the document ends: an error
    /// from here on with elements still open means the file was cut off.
    var terminating = false

    init(plan: XMLCapturePlan, maxDepth: Int, maxTextBytes: Int) {
        self.plan = plan
        self.maxDepth = maxDepth
        self.maxTextBytes = maxTextBytes
        ancestorValues = Array(repeating: nil, count: plan.slots.count)
        groupOpenDepth = Array(repeating: 0, count: plan.groups.count)
    }

    func run(_ source: any ByteSource) throws {
        saksgang_xml_install_safe_loader()
        saksgang_xml_silence_generic_errors()
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        // The per-element callbacks borrow the state without retaining it (a retain and a
        // release per callback were ~3 % of the reading thread): `run` keeps it alive for
        // the whole parse.
        sax.startElementNs = { ctx, localname, _, _, _, _, nbAttributes, _, attributes in
            guard let ctx, let localname else { return }
            Unmanaged<ParseState>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.start(localname, Int(nbAttributes), attributes)
            }
        }
        sax.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<ParseState>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.end() }
        }
        sax.characters = { ctx, ch, len in
            guard let ctx, let ch else { return }
            Unmanaged<ParseState>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.characters(UnsafeBufferPointer(start: ch, count: Int(len)))
            }
        }
        sax.cdataBlock = sax.characters
        sax.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<ParseState>.fromOpaque(ctx).takeUnretainedValue()
                .fail(SaksgangError(.xmlDoctype, "a DOCTYPE declaration is refused: exports never need one and it can carry entity expansion or external entities"))
        }
        sax.externalSubset = sax.internalSubset
        sax.entityDecl = { ctx, _, _, _, _, _ in
            guard let ctx else { return }
            Unmanaged<ParseState>.fromOpaque(ctx).takeUnretainedValue()
                .fail(SaksgangError(.xmlDoctype, "an entity declaration is refused"))
        }
        sax.getEntity = { _, _ in nil }
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            Unmanaged<ParseState>.fromOpaque(ctx).takeUnretainedValue().libxmlError(error.pointee)
        }

        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { buffer.deallocate() }
        let me = Unmanaged.passUnretained(self).toOpaque()

        var n = try source.read(into: buffer)
        if n == 0 { throw SaksgangError(.emptyFile, "the file is empty", at: .init(byteOffset: 0)) }
        let head = min(n, 4)
        guard let ctxt = xmlCreatePushParserCtxt(&sax, me, buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(head), nil) else {
            throw SaksgangError(.xmlMalformed, "the XML parser could not start")
        }
        self.ctxt = ctxt
        defer { xmlFreeParserCtxt(ctxt); self.ctxt = nil }
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
        intern(xmlDict: saksgang_xml_ctxt_dict(ctxt))
        bytesFed = Int64(head)
        if n > head {
            checkStatus(xmlParseChunk(ctxt, buffer.baseAddress!.advanced(by: head).assumingMemoryBound(to: CChar.self), Int32(n - head), 0))
            bytesFed = Int64(n)
        }
        while failure == nil {
            n = try source.read(into: buffer)
            if n == 0 { break }
            checkStatus(xmlParseChunk(ctxt, buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(n), 0))
            bytesFed += Int64(n)
        }
        if failure == nil {
            terminating = true
            checkStatus(xmlParseChunk(ctxt, nil, 0, 1))
        }
        if let failure { throw failure }
        if ctxt.pointee.wellFormed == 0 {
            throw SaksgangError(.xmlMalformed, "the document is not well-formed", at: location())
        }
        if !rootChecked {
            throw SaksgangError(.xmlMalformed, "the document has no root element", at: location())
        }
    }

    /// libxml2 can stop without telling the SAX error handler: an encoder failure in a
    /// converted encoding (Windows-1252, say) halts the push parser and only the status says
    /// so. A stop the callbacks did not explain is a failure, never a quietly shorter file.
    private func checkStatus(_ status: Int32) {
        guard status != 0, failure == nil else { return }
        var here = location()
        // After such a stop xmlByteConsumed says nothing useful; the bytes fed so far do.
        if here.byteOffset == nil || here.byteOffset == 0 { here.byteOffset = bytesFed }
        // -1 (XML_PARSER_EOF) with no failure recorded: pushing a chunk failed in the
        // encoding converter, before the parser saw it.
        if status == Int32(XML_ERR_INVALID_ENCODING.rawValue) || status == Int32(XML_ERR_INVALID_CHAR.rawValue)
            || status == -1 {
            failure = SaksgangError(.invalidEncoding, "bytes that are not valid in the declared encoding", at: here)
        } else {
            failure = SaksgangError(.xmlMalformed, "the parser stopped (libxml2 status \(status))", at: here)
        }
    }

    private func intern(xmlDict dict: xmlDictPtr?) {
        func name(_ s: String) -> Name { xmlDictLookup(dict, s, -1)! }
        recordPath = plan.recordPath.map(name)
        slotSteps = plan.slots.map { $0.steps.map(name) }
        slotAttr = plan.slots.map { $0.attribute.map(name) }
        groupSteps = plan.groups.map { $0.steps.map(name) }
        groupSlotSteps = plan.groups.map { $0.slots.map { $0.steps.map(name) } }
        groupSlotAttr = plan.groups.map { $0.slots.map { $0.attribute.map(name) } }
        let deepest = plan.slots.map(\.steps.count).max() ?? 0
        recordSlotsAtDepth = Array(repeating: [], count: deepest + 1)
        ancestorSlotsAtDepth = Array(repeating: [], count: plan.recordPath.count + 1)
        for (i, slot) in plan.slots.enumerated() {
            if let d = slot.ancestorDepth { ancestorSlotsAtDepth[d].append(i) }
            else if slot.steps.isEmpty { ownSlots.append(i) }
            else { recordSlotsAtDepth[slot.steps.count].append(i) }
        }
        groupSlotCounts = plan.groups.map(\.slots.count)
        recordElementPath = "/" + plan.recordPath.joined(separator: "/")
    }

    // MARK: Callbacks

    func start(_ name: Name, _ nbAttributes: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard failure == nil else { return }
        stack.append(name)
        let depth = stack.count
        if depth > maxDepth {
            fail(SaksgangError(.xmlTooDeep, "elements are nested deeper than \(maxDepth) levels", at: location()))
            return
        }
        if depth == 1 {
            rootChecked = true
            if recordPath.first != name {
                fail(SaksgangError(.xmlWrongRoot, "the root element is not the one the mapping expects (\(plan.recordPath.first ?? ""))", at: location()))
                return
            }
        }
        let recordDepth = recordPath.count
        let matches = onPath[depth - 1] && depth <= recordDepth && recordPath[depth - 1] == name
        onPath.append(matches)
        if !matches && onPath[depth - 1] && depth <= recordDepth { offPathElements += 1 }

        if matches && depth < recordDepth {
            for i in ancestorSlotsAtDepth[depth] {
                ancestorValues[i] = slotAttr[i].flatMap { attribute($0, nbAttributes, attributes).map(Array.init) }
            }
            return
        }
        if matches && depth == recordDepth {
            recordCount += 1
            let line = Int(xmlSAX2GetLineNumber(ctxt))
            let offset = byteConsumed()
            var record = RawRecord(slotCount: slotAttr.count, groupSlotCounts: groupSlotCounts,
                                   position: RecordPosition(record: recordCount, line: line, byteOffset: offset,
                                                            elementPath: recordElementPath),
                                   sizes: previousSizes)
            for slots in ancestorSlotsAtDepth {
                for i in slots {
                    if let v = ancestorValues[i] { v.withUnsafeBufferPointer { record.append($0, slot: i) } }
                }
            }
            for i in ownSlots {
                capture(into: &record, group: -1, slot: i, attr: slotAttr[i], depth, nbAttributes, attributes)
            }
            current = record
            return
        }
        guard current != nil, depth > recordDepth else { return }
        let rel = depth - recordDepth
        for i in rel < recordSlotsAtDepth.count ? recordSlotsAtDepth[rel] : [] {
            if pathMatches(slotSteps[i], from: recordDepth) {
                capture(into: &current!, group: -1, slot: i, attr: slotAttr[i], depth, nbAttributes, attributes)
            }
        }
        for g in groupSteps.indices {
            if groupSteps[g].count == rel, pathMatches(groupSteps[g], from: recordDepth) {
                groupOpenDepth[g] = depth
                current!.openItem(ofGroup: g)
                for s in groupSlotSteps[g].indices where groupSlotSteps[g][s].isEmpty {
                    capture(into: &current!, group: g, slot: s, attr: groupSlotAttr[g][s], depth, nbAttributes, attributes)
                }
            } else if groupOpenDepth[g] > 0, depth > groupOpenDepth[g] {
                let grel = depth - groupOpenDepth[g]
                for s in groupSlotSteps[g].indices where groupSlotSteps[g][s].count == grel {
                    if pathMatches(groupSlotSteps[g][s], from: groupOpenDepth[g]) {
                        capture(into: &current!, group: g, slot: s, attr: groupSlotAttr[g][s], depth, nbAttributes, attributes)
                    }
                }
            }
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<xmlChar>) {
        guard failure == nil, !textTargets.isEmpty else { return }
        if text.count + bytes.count > maxTextBytes {
            fail(SaksgangError(.xmlValueTooLarge, "a text value the mapping reads exceeds \(maxTextBytes) bytes", at: location()))
            return
        }
        text.append(contentsOf: bytes)
    }

    func end() {
        guard failure == nil, let top = stack.last else { return }
        _ = top
        let depth = stack.count
        while let t = textTargets.last, t.depth == depth {
            textTargets.removeLast()
            if current != nil {
                text.withUnsafeBufferPointer { value in
                    if t.group < 0 {
                        current!.append(value, slot: t.slot)
                    } else {
                        current!.setLastItem(ofGroup: t.group, slot: t.slot, to: value, replacing: false)
                    }
                }
            }
            if textTargets.isEmpty { text.removeAll(keepingCapacity: true) }
        }
        for g in groupOpenDepth.indices where groupOpenDepth[g] == depth { groupOpenDepth[g] = 0 }
        if depth == recordPath.count, onPath[depth], let record = current {
            current = nil
            previousSizes = record.sizes
            do { try consume?(record) } catch { fail(error) }
        }
        stack.removeLast()
        onPath.removeLast()
    }

    // MARK: Helpers

    /// What the parser has consumed of the file, in the file's own bytes: the value of
    /// `xmlByteConsumed`. For a file in ISO-8859-1 that function converts the parsed but
    /// unread rest of the buffer back to ISO-8859-1 on every call only to count it (up to
    /// 32,000 characters, the size of its conversion buffer); once per record that was a
    /// third of the XML reader's time. Here the count is carried from call to call within
    /// one buffer: one ISO-8859-1 byte per character, so the rest's length is the number of
    /// UTF-8 lead bytes in it. Other encodings ask libxml2.
    func byteConsumed() -> Int64 {
        guard let ctxt else { return -1 }
        guard let input = ctxt.pointee.input, let buf = input.pointee.buf, let encoder = buf.pointee.encoder,
              let cur = input.pointee.cur, let end = input.pointee.end else {
            return Int64(xmlByteConsumed(ctxt))
        }
        if encoder != latin1Checked.encoder {
            latin1Checked = (encoder, encoder.pointee.name.map { String(cString: $0) == "ISO-8859-1" } ?? false)
            restCache = nil
        }
        guard latin1Checked.isLatin1 else { return Int64(xmlByteConsumed(ctxt)) }
        let rawConsumed = UInt(buf.pointee.rawconsumed)
        let rest: Int
        if cur >= end {
            rest = 0
        } else if let c = restCache, c.end == end, c.base == input.pointee.base, c.rawConsumed == rawConsumed, c.cur <= cur {
            rest = c.characters - Self.characters(from: c.cur, to: cur)
        } else {
            rest = Self.characters(from: cur, to: end)
        }
        restCache = (cur, end, input.pointee.base, rawConsumed, rest)
        // libxml2 converts the rest into a 32,000-byte buffer once and counts what fitted.
        let unused = UInt(min(rest, 32_000))
        let offset: Int64 = rawConsumed < unused ? -1 : Int64(rawConsumed - unused)
        #if DEBUG
        assert(offset == Int64(xmlByteConsumed(ctxt)), "byte offset \(offset) differs from libxml2's \(xmlByteConsumed(ctxt))")
        #endif
        return offset
    }

    /// UTF-8 characters (lead bytes) in `[from, to)`.
    private static func characters(from: UnsafePointer<xmlChar>, to: UnsafePointer<xmlChar>) -> Int {
        var n = 0
        var p = from
        while p < to {
            if p.pointee & 0xC0 != 0x80 { n += 1 }
            p += 1
        }
        return n
    }

    private func pathMatches(_ steps: [Name], from baseDepth: Int) -> Bool {
        for (k, step) in steps.enumerated() where stack[baseDepth + k] != step { return false }
        return true
    }

    /// The value of attribute `name` as UTF-8 bytes in libxml2's buffer (valid until the
    /// callback returns); nil when the element has no such attribute.
    private func attribute(_ name: Name, _ n: Int, _ attrs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> UnsafeBufferPointer<UInt8>? {
        guard let attrs else { return nil }
        for a in 0..<n where attrs[a * 5] == name {
            guard let begin = attrs[a * 5 + 3], let end = attrs[a * 5 + 4] else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: begin, count: end - begin)
        }
        return nil
    }

    private func capture(into record: inout RawRecord, group: Int, slot: Int, attr: Name?, _ depth: Int,
                         _ n: Int, _ attrs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard let attr else {
            if textTargets.isEmpty { text.removeAll(keepingCapacity: true) }
            textTargets.append((depth, group, slot))
            return
        }
        guard let value = attribute(attr, n, attrs) else { return }
        if group < 0 {
            record.append(value, slot: slot)
        } else {
            record.setLastItem(ofGroup: group, slot: slot, to: value, replacing: true)
        }
    }

    func fail(_ error: Error) {
        guard failure == nil else { return }
        if let e = error as? SaksgangError { failure = e.at(location()) } else { failure = error }
        if let ctxt { xmlStopParser(ctxt) }
    }

    /// libxml2's own message can quote bytes of the document (a name, say): it is never
    /// passed on. The error code and position are.
    func libxmlError(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, failure == nil else { return }
        let code = Int(error.code)
        var reason = SaksgangError.Code.xmlMalformed
        let what: String
        switch code {
        case Int(XML_ERR_DOCUMENT_EMPTY.rawValue): what = "the document is empty or not XML"
        case Int(XML_ERR_DOCUMENT_END.rawValue), Int(XML_ERR_EXTRA_CONTENT.rawValue): what = "content after the end of the root element"
        case Int(XML_ERR_INVALID_ENCODING.rawValue), Int(XML_I18N_CONV_FAILED.rawValue):
            reason = .invalidEncoding
            what = "bytes that are not valid in the declared encoding"
        case Int(XML_ERR_INVALID_CHAR.rawValue):
            // libxml2 reports both invalid UTF-8 and a character XML forbids (a control
            // character, NUL) under this code; only its own message tells them apart.
            if Self.startsWith(error.message, "Input is not proper UTF-8") {
                reason = .invalidEncoding
                what = "bytes that are not valid UTF-8, the declared encoding"
            } else {
                what = "a character that XML does not allow (a control character or NUL)"
            }
        case Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue): what = "an encoding the reader does not support"
        case _ where terminating && !stack.isEmpty:
            what = "the document ends before its elements are closed: the file is cut off (libxml2 error \(code))"
        case Int(XML_ERR_TAG_NAME_MISMATCH.rawValue), Int(XML_ERR_TAG_NOT_FINISHED.rawValue):
            what = "an element is not closed (the document is cut off or broken)"
        case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
            what = "a reference to an undeclared entity"
        default: what = "the document is not well-formed (libxml2 error \(code))"
        }
        var loc = location()
        if error.line > 0 { loc.line = Int(error.line) }
        failure = SaksgangError(reason, what, at: loc)
        if let ctxt { xmlStopParser(ctxt) }
    }

    /// Whether libxml2's message starts with `prefix` (compared, never copied or logged).
    private static func startsWith(_ message: UnsafeMutablePointer<CChar>?, _ prefix: String) -> Bool {
        guard let message else { return false }
        for (i, byte) in prefix.utf8.enumerated() where UInt8(bitPattern: message[i]) != byte { return false }
        return true
    }

    func location() -> SaksgangError.Location {
        let path = stack.isEmpty ? nil : "/" + stack.map { String(cString: $0) }.joined(separator: "/")
        let line = ctxt.map { Int(saksgang_xml_ctxt_line($0)) }
        let offset = ctxt != nil ? byteConsumed() : bytesFed
        return SaksgangError.Location(line: line, byteOffset: offset, elementPath: path,
                                      record: current?.position.record)
    }
}
