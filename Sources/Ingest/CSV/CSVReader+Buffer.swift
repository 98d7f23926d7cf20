#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SaksgangCore

/// Buffering and the encoding check: bytes come from the source into one growing buffer;
/// each new stretch is checked against the encoding before the tokenizer may look at it.
extension CSVReader {
    /// First fill: detect and skip a BOM, settle the encoding mode, check the first bytes.
    func start() throws(SaksgangError) {
        while dataEnd < 3 && !sourceAtEnd { try fillRaw() }
        let bom = ByteOrderMark.utf8Length(at: UnsafeRawBufferPointer(start: buffer, count: dataEnd))
        hadByteOrderMark = bom > 0
        switch options.encoding {
        case .auto: decidedEncoding = bom > 0 ? .utf8 : nil
        case .utf8: decidedEncoding = .utf8
        case .windows1252: decidedEncoding = .windows1252
        }
        cursor = bom
        checkedEnd = bom
        checkEncoding()
    }

    /// Keeps the current record, makes room, reads more and checks it.
    func refill() throws(SaksgangError) {
        if cursor > 0 {
            let keep = dataEnd - cursor
            if keep > 0 { memmove(buffer, buffer + cursor, keep) }
            bufferOffset += Int64(cursor)
            dataEnd -= cursor
            checkedEnd -= cursor
            cursor = 0
        }
        if !sourceAtEnd {
            if capacity - dataEnd < capacity / 2 { grow() }
            try fillRaw()
        }
        checkEncoding()
    }

    /// Doubles the buffer, keeping its content.
    private func grow() {
        let larger = capacity * 2
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        fresh.update(from: buffer, count: dataEnd)
        buffer.deallocate()
        buffer = fresh
        capacity = larger
    }

    /// Reads from the source until the buffer is full or the source ends.
    func fillRaw() throws(SaksgangError) {
        while dataEnd < capacity {
            let free = UnsafeMutableRawBufferPointer(start: buffer + dataEnd, count: capacity - dataEnd)
            let n = try source.read(into: free)
            if n == 0 {
                sourceAtEnd = true
                return
            }
            dataEnd += n
        }
    }

    /// Advances `checkedEnd` over bytes valid in the encoding; stops at an invalid byte
    /// (recording why) or before a sequence cut by the end of the buffer (until more comes).
    func checkEncoding() {
        guard pendingEncodingError == nil, checkedEnd < dataEnd else { return }
        let all = UnsafeRawBufferPointer(start: buffer, count: dataEnd)
        if decidedEncoding == nil {
            guard let high = firstHighByte(from: checkedEnd) else {
                checkedEnd = dataEnd
                return
            }
            switch UTF8Validation.sequence(at: high, in: all) {
            case .valid:
                decidedEncoding = .utf8
            case .invalid:
                decidedEncoding = .windows1252
            case .incomplete:
                if sourceAtEnd {
                    decidedEncoding = .windows1252
                } else {
                    checkedEnd = high
                    return
                }
            }
            checkedEnd = high
        }
        if decidedEncoding == .windows1252 {
            let rest = UnsafeRawBufferPointer(rebasing: all[checkedEnd...])
            if let bad = Windows1252.firstUndefined(in: rest) {
                let byte = rest[bad]
                checkedEnd += bad
                pendingEncodingError = "byte 0x\(String(byte, radix: 16, uppercase: true)) is undefined in Windows-1252"
            } else {
                checkedEnd = dataEnd
            }
            return
        }
        switch UTF8Validation.check(UnsafeRawBufferPointer(rebasing: all[checkedEnd...])) {
        case .valid:
            checkedEnd = dataEnd
        case .invalid(let at):
            checkedEnd += at
            pendingEncodingError = "invalid UTF-8"
        case .incomplete(let at):
            checkedEnd += at
            if sourceAtEnd { pendingEncodingError = "UTF-8 sequence cut off by the end of the file" }
        }
    }

    /// The index of the first byte ≥ 0x80 at or after `from`, scanning eight bytes at a time.
    private func firstHighByte(from: Int) -> Int? {
        let raw = UnsafeRawPointer(buffer)
        var i = from
        while i + 8 <= dataEnd
            && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
        }
        while i < dataEnd {
            if buffer[i] >= 0x80 { return i }
            i += 1
        }
        return nil
    }
}
