/// A table from nonzero 64-bit keys to 32-bit numbers: open addressing with linear probing, each
/// slot's key and number side by side in one 16-byte cell, so a lookup touches one cache line.
/// Doubles when half full.
public struct PackedKeyTable: Sendable {
    /// Slot i is cells[2i] (the key, 0 when empty) and cells[2i + 1] (the number).
    private var cells: [UInt64]
    private var shift: UInt64
    private var mask: Int
    /// The number of keys held.
    public private(set) var count = 0

    /// `capacity`: how many keys to make room for before the table has to grow.
    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        cells = Array(repeating: 0, count: size * 2)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// Fibonacci hashing: the top bits of the key times 2⁶⁴/φ.
    @inline(__always) private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The number stored for `key`, if any.
    @inline(__always) public func find(_ key: UInt64) -> UInt32? {
        cells.withUnsafeBufferPointer { cells in
            var slot = slot(of: key)
            while true {
                let stored = cells[2 * slot]
                if stored == key { return UInt32(truncatingIfNeeded: cells[2 * slot + 1]) }
                if stored == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Stores `number` for `key`, which must be nonzero and not already held.
    public mutating func insert(_ key: UInt64, _ number: UInt32) {
        precondition(key != 0, "a packed key is never 0")
        place(key, number)
        count += 1
        if count * 2 > cells.count / 2 { grow() }
    }

    private mutating func place(_ key: UInt64, _ number: UInt32) {
        var slot = slot(of: key)
        while cells[2 * slot] != 0 { slot = (slot + 1) & mask }
        cells[2 * slot] = key
        cells[2 * slot + 1] = UInt64(number)
    }

    private mutating func grow() {
        let old = cells
        let size = old.count // slots double: 2 cells a slot
        cells = Array(repeating: 0, count: size * 2)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        for slot in 0..<(old.count / 2) where old[2 * slot] != 0 { place(old[2 * slot], UInt32(truncatingIfNeeded: old[2 * slot + 1])) }
    }
}
