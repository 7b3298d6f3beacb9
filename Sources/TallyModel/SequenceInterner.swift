/// A set of short sequences of 16-bit codes, each stored once and numbered in order of first
/// appearance.
///
/// The ballot-profile builder uses it to merge identical rankings without allocating an array per
/// line: keys are looked up straight from a caller's buffer.
/// Open addressing with linear probing; the table doubles when half full, so a lookup costs
/// amortised O(key length).
public struct SequenceInterner: Sendable {
    private var elements: [UInt16] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slot → (high 32 bits of the hash) << 32 | (sequence number + 1); 0 means empty. Keeping
    /// hash bits in the slot lets a probe reject a different key without touching other arrays,
    /// which matters when millions of keys no longer fit in the processor's caches.
    private var slots: [UInt64]
    private var mask: Int

    /// `capacity`: how many sequences to make room for before the table has to grow.
    public init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of distinct sequences stored.
    public var count: Int { starts.count - 1 }

    /// The stored sequence with the given number.
    public subscript(number: Int) -> ArraySlice<UInt16> {
        elements[starts[number]..<starts[number + 1]]
    }

    /// The number of `key`, storing it first if it is new.
    public mutating func intern(_ key: UnsafeBufferPointer<UInt16>) -> (number: Int, isNew: Bool) {
        let hash = SequenceInterner.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let occupant = slots[slot]
            if occupant == 0 { break }
            if occupant & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(occupant & 0xFFFF_FFFF) - 1
                if matches(number, key) { return (number, false) }
            }
            slot = (slot + 1) & mask
        }
        let number = count
        elements.append(contentsOf: key)
        starts.append(elements.count)
        hashes.append(hash)
        slots[slot] = tag | UInt64(number + 1)
        if count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// Convenience for callers holding an array.
    public mutating func intern(_ key: [UInt16]) -> (number: Int, isNew: Bool) {
        key.withUnsafeBufferPointer { intern($0) }
    }

    /// The number of `key` if it is stored.
    public func find(_ key: UnsafeBufferPointer<UInt16>) -> Int? {
        let hash = SequenceInterner.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let occupant = slots[slot]
            if occupant == 0 { return nil }
            let number = Int(occupant & 0xFFFF_FFFF) - 1
            if occupant & 0xFFFF_FFFF_0000_0000 == tag, matches(number, key) { return number }
            slot = (slot + 1) & mask
        }
    }

    private func matches(_ number: Int, _ key: UnsafeBufferPointer<UInt16>) -> Bool {
        let start = starts[number]
        guard starts[number + 1] - start == key.count else { return false }
        return elements.withUnsafeBufferPointer { stored in
            for offset in 0..<key.count where stored[start + offset] != key[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for number in 0..<count {
            let hash = hashes[number]
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
        }
    }

    /// FNV-1a over the codes and the length, finished with a 64-bit mix so that low bits spread.
    static func hash(_ key: UnsafeBufferPointer<UInt16>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for code in key {
            h = (h ^ UInt64(code)) &* 0x0000_0100_0000_01B3
        }
        h ^= UInt64(key.count)
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }
}
