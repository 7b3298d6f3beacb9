import Foundation

/// Remembers which candidate each exact spelling of a name in a file stands for, so that a cell
/// costs a hash of its bytes and a comparison with the spelling found. Only spellings not seen
/// before go through the slower folding of case and blanks. Holds at most `limit` spellings; past
/// that, lookups simply miss.
///
/// A spelling of up to 16 bytes is held as two 8-byte words and its length (`ShortKey`), which
/// say every byte of it: finding it compares three numbers. A longer one is compared byte by byte.
final class SpellingCache {
    /// Every byte of a spelling of up to 16 bytes (and a hash of a longer one).
    struct ShortKey: Equatable {
        var first: UInt64
        var last: UInt64
        var count: Int

        /// For 8 to 16 bytes, the first and the last eight (they overlap below 16); for 4 to 7,
        /// the first and the last four; for 1 to 3, the first, middle and last byte.
        @inline(__always) init(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
            self.count = count
            let raw = UnsafeRawPointer(bytes)
            if count >= 8 {
                first = raw.loadUnaligned(as: UInt64.self)
                last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else if count >= 4 {
                first = UInt64(raw.loadUnaligned(as: UInt32.self))
                last = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            } else if count > 0 {
                first = UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]) << 16
                last = 0
            } else {
                first = 0
                last = 0
            }
        }

        /// Whether the key says every byte (so equal keys are equal spellings).
        var isWhole: Bool { count <= 16 }

        /// The two words multiplied in full (128 bits) and the halves folded: every input bit
        /// reaches the low bits that pick a slot.
        @inline(__always) var hash: Int {
            let product = (first ^ 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: last ^ 0xFF51_AFD7_ED55_8CCD ^ UInt64(count))
            return Int(truncatingIfNeeded: product.high ^ product.low)
        }
    }

    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity = 4096
    private var byteCount = 0
    private let keys: UnsafeMutablePointer<ShortKey>
    private let starts: UnsafeMutablePointer<Int>
    private let numbers: UnsafeMutablePointer<Int>
    private var count = 0
    /// Slot → entry + 1 (0 = empty).
    private let slots: UnsafeMutablePointer<Int32>
    private static let slotCount = 1024
    private let limit = 512

    init() {
        bytes = .allocate(capacity: byteCapacity)
        keys = .allocate(capacity: limit)
        starts = .allocate(capacity: limit)
        numbers = .allocate(capacity: limit)
        slots = .allocate(capacity: SpellingCache.slotCount)
        slots.initialize(repeating: 0, count: SpellingCache.slotCount)
    }

    deinit {
        bytes.deallocate()
        keys.deallocate()
        starts.deallocate()
        numbers.deallocate()
        slots.deallocate()
    }

    @inline(__always) func find(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let base = source.baseAddress, !range.isEmpty else { return nil }
        let key = ShortKey(base + range.lowerBound, range.count)
        let mask = SpellingCache.slotCount - 1
        var slot = key.hash & mask
        while true {
            let occupant = Int(slots[slot])
            if occupant == 0 { return nil }
            if keys[occupant - 1] == key,
               key.isWhole || memcmp(bytes + starts[occupant - 1], base + range.lowerBound, range.count) == 0 {
                return numbers[occupant - 1]
            }
            slot = (slot + 1) & mask
        }
    }

    func insert(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, number: Int) {
        guard count < limit, !range.isEmpty, let base = source.baseAddress else { return }
        let key = ShortKey(base + range.lowerBound, range.count)
        let mask = SpellingCache.slotCount - 1
        var slot = key.hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        if byteCount + range.count > byteCapacity {
            while byteCount + range.count > byteCapacity { byteCapacity *= 2 }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
            larger.update(from: bytes, count: byteCount)
            bytes.deallocate()
            bytes = larger
        }
        (bytes + byteCount).update(from: base + range.lowerBound, count: range.count)
        (keys + count).initialize(to: key)
        (starts + count).initialize(to: byteCount)
        (numbers + count).initialize(to: number)
        byteCount += range.count
        count += 1
        slots[slot] = Int32(count)
    }
}
