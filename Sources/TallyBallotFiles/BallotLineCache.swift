import Foundation

/// Remembers what whole ballot lines read as, so that a line exactly like one read before (in
/// every byte but its ballot id) costs a search for its line end, one hash and one comparison,
/// with no splitting into cells, no name lookups and no irregular-ballot rule.
///
/// Only lines that counted with no irregularity are remembered (an irregular line is recorded
/// with its line number and id, so it is always read in full). The cache holds at most
/// `maximumLines` lines and `maximumBytes` bytes of them. It stops looking when fewer than one
/// line in 64 of the first `firstWindow` is found in it, or, once it is full, fewer than one in
/// eight over `window` lines: a file of distinct rankings then pays almost nothing for it. What a
/// file reads as never depends on the cache.
struct BallotLineCache {
    /// Where the key of a line lies, given the header's columns.
    enum KeyShape {
        /// The whole line.
        case wholeLine
        /// The line after its first cell, an id (which must hold no quote).
        case afterFirstCell
        /// The line before its last cell, an id (which must hold no quote).
        case beforeLastCell
    }

    /// What a remembered line reads as.
    struct Reading {
        var number: Int
        var weight: Int64
    }

    static let maximumLines = 1 << 16
    static let maximumBytes = 8 << 20
    static let window = 1 << 16
    static let firstWindow = 1 << 12

    let shape: KeyShape
    let delimiter: UInt8
    private(set) var isOn = true
    private var stored: [UInt8] = []
    private var starts: [Int] = [0]
    private var readings: [Reading] = []
    /// Slot → (high 32 bits of the hash) << 32 | (entry + 1); 0 empty.
    private var slots = [UInt64](repeating: 0, count: 2 * BallotLineCache.maximumLines)
    private var looked = 0
    private var found = 0
    private var sawFirstWindow = false

    init(shape: KeyShape, delimiter: UInt8) {
        self.shape = shape
        self.delimiter = delimiter
    }

    /// The key of the line `start..<end` (`end` at its newline): its byte range, or nil when the
    /// line cannot be keyed (no id cell, or a quote or carriage return in it, which could make
    /// it more or less than one row).
    @inline(__always) func key(_ text: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int>? {
        switch shape {
        case .wholeLine:
            return start..<end
        case .afterFirstCell:
            var index = start
            while index < end, text[index] != delimiter {
                if text[index] == ByteText.quote || text[index] == ByteText.carriageReturn { return nil }
                index += 1
            }
            return index < end ? (index + 1)..<end : nil
        case .beforeLastCell:
            var index = end
            if index > start, text[index - 1] == ByteText.carriageReturn { index -= 1 } // CRLF
            while index > start, text[index - 1] != delimiter {
                if text[index - 1] == ByteText.quote || text[index - 1] == ByteText.carriageReturn { return nil }
                index -= 1
            }
            return index > start ? start..<(index - 1) : nil
        }
    }

    /// A line that may be remembered: the newline that ends it, and the bytes of its key.
    struct Line {
        var newline: Int
        var key: Range<Int>
    }

    /// The line starting at `start`, when it can be keyed: it ends in a newline (LF or CRLF), and
    /// its id cell, if the key leaves one out, holds no quote or carriage return.
    @inline(__always) func line(_ text: UnsafePointer<UInt8>, from start: Int, count: Int) -> Line? {
        guard let newline = BallotLineCache.lineEnd(text, from: start, count: count), newline > start,
              let key = key(text, start, newline) else { return nil }
        return Line(newline: newline, key: key)
    }

    /// The newline that ends the line starting at `start` (LF, or the LF of a CRLF), found a
    /// word at a time; nil when the line ends at a lone CR (a row end with no newline: such a line
    /// is never keyed) or at the end of the text. Never looks past the line's own end, so a file
    /// of lone-CR line ends costs no more than any other.
    @inline(__always) static func lineEnd(_ text: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int? {
        var index = start
        var at = -1
        while index + 8 <= count {
            let word = UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self)
            let found = ByteText.zeroBytes(word ^ CSVRowParser.newlines) | ByteText.zeroBytes(word ^ CSVRowParser.carriageReturns)
            if found != 0 { at = index + found.trailingZeroBitCount / 8; break }
            index += 8
        }
        if at < 0 {
            at = index
            while at < count, text[at] != ByteText.newline, text[at] != ByteText.carriageReturn { at += 1 }
            if at == count { return nil }
        }
        if text[at] == ByteText.newline { return at }
        return at + 1 < count && text[at + 1] == ByteText.newline ? at + 1 : nil
    }

    /// What the line with key `key` reads as, if it was remembered.
    @inline(__always) mutating func find(_ text: UnsafePointer<UInt8>, _ key: Range<Int>) -> Reading? {
        looked += 1
        // Early on, a file of distinct lines shows itself: nearly nothing found in the first lines.
        if looked == BallotLineCache.firstWindow, !sawFirstWindow {
            sawFirstWindow = true
            if found * 64 < looked { isOn = false }
        }
        if looked == BallotLineCache.window {
            if readings.count == BallotLineCache.maximumLines || stored.count >= BallotLineCache.maximumBytes, found * 8 < looked { isOn = false }
            looked = 0
            found = 0
        }
        let hash = BallotLineCache.hash(text + key.lowerBound, key.count)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let occupant = slots[slot]
            if occupant == 0 { return nil }
            if occupant & 0xFFFF_FFFF_0000_0000 == tag {
                let entry = Int(truncatingIfNeeded: occupant & 0xFFFF_FFFF) - 1
                let start = starts[entry]
                if starts[entry + 1] - start == key.count,
                   stored.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, text + key.lowerBound, key.count) == 0 }) {
                    found += 1
                    return readings[entry]
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Remembers that the line with key `key` reads as `reading`, while there is room.
    mutating func remember(_ text: UnsafePointer<UInt8>, _ key: Range<Int>, as reading: Reading) {
        guard readings.count < BallotLineCache.maximumLines, stored.count < BallotLineCache.maximumBytes else { return }
        let hash = BallotLineCache.hash(text + key.lowerBound, key.count)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        stored.append(contentsOf: UnsafeBufferPointer(start: text + key.lowerBound, count: key.count))
        starts.append(stored.count)
        readings.append(reading)
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(readings.count)
    }

    /// A 64-bit hash of `count` bytes, eight at a time.
    @inline(__always) static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var index = 0
        let raw = UnsafeRawPointer(bytes)
        while index + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
        return h
    }
}
