import Foundation

/// Remembers which candidate each exact spelling of a name in a file stands for, so that a cell
/// costs one short hash and one comparison of its bytes. Only spellings not seen before go
/// through the slower folding of case and blanks. Holds at most `limit` spellings; past that,
/// lookups simply miss.
final class SpellingCache {
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    @exclusivity(unchecked) private var starts: [Int] = []
    @exclusivity(unchecked) private var numbers: [Int] = []
    /// Slot → entry + 1 (0 = empty).
    @exclusivity(unchecked) private var slots = [Int32](repeating: 0, count: 1024)
    private let limit = 512

    func find(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        let mask = slots.count - 1
        var slot = SpellingCache.hash(source, range) & mask
        return bytes.withUnsafeBufferPointer { stored in
            while true {
                let occupant = Int(slots[slot])
                if occupant == 0 { return nil }
                let start = starts[occupant - 1]
                if starts[occupant] - start == range.count,
                   memcmp(stored.baseAddress! + start, source.baseAddress! + range.lowerBound, range.count) == 0 {
                    return numbers[occupant - 1]
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func insert(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, number: Int) {
        guard numbers.count < limit, !range.isEmpty else { return }
        if starts.isEmpty { starts.append(0) }
        var slot = SpellingCache.hash(source, range) & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        bytes.append(contentsOf: source[range])
        starts.append(bytes.count)
        numbers.append(number)
        slots[slot] = Int32(numbers.count)
    }

    /// A hash of every byte: names often share their first bytes and length ("Candidate 137").
    @inline(__always) private static func hash(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard !range.isEmpty, let base = source.baseAddress else { return 0 }
        return Int(truncatingIfNeeded: BallotLineCache.hash(base + range.lowerBound, range.count) & 0x7FFF_FFFF)
    }
}
