/// One value for each candidate at one stage of a count (votes, transfers, status), by candidate
/// index: a stage of the record costs what changed at it.
///
/// The values are held in blocks of 16 candidates. A block equal to the same block at the stage
/// before is not stored again but shared with it (arrays share their storage when copied), so a
/// stage at which a few candidates' figures change adds a block or two, not a figure for every
/// candidate: a 2,500-candidate count runs to about 2,500 stages.
public struct PerCandidate<Element: Equatable & Sendable>: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Candidates a block holds: 16, so that a stage's list of blocks costs half a byte a
    /// candidate and a changed figure costs a block of 128 bytes (of votes).
    public static var blockSize: Int { 1 << blockShift }
    @usableFromInline static var blockShift: Int { 4 }

    @usableFromInline let blocks: [[Element]]
    public let count: Int

    /// `values` by candidate; blocks equal to `previous`'s are shared with it.
    public init(_ values: [Element], sharingWith previous: PerCandidate? = nil) {
        count = values.count
        var blocks: [[Element]] = []
        blocks.reserveCapacity((values.count + PerCandidate.blockSize - 1) / PerCandidate.blockSize)
        var start = 0
        while start < values.count {
            let end = Swift.min(start + PerCandidate.blockSize, values.count)
            let block = blocks.count
            if let previous, previous.count == values.count, previous.blocks[block].elementsEqual(values[start..<end]) {
                blocks.append(previous.blocks[block]) // shared, not copied
            } else {
                blocks.append(Array(values[start..<end]))
            }
            start = end
        }
        self.blocks = blocks
    }

    public init(arrayLiteral elements: Element...) { self.init(elements) }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(candidate: Int) -> Element {
        precondition(candidate >= 0 && candidate < count, "candidate index out of range")
        return blocks[candidate >> PerCandidate.blockShift][candidate & (PerCandidate.blockSize - 1)]
    }

    public static func == (left: PerCandidate, right: PerCandidate) -> Bool {
        left.count == right.count && left.elementsEqual(right)
    }

    /// How many blocks this stage shares with `other` (the same storage, not merely equal).
    public func sharedBlocks(with other: PerCandidate) -> Int {
        zip(blocks, other.blocks).filter { one, two in
            one.withUnsafeBufferPointer { a in two.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        }.count
    }
}
