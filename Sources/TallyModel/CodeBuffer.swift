/// A growable buffer of 16-bit codes for per-line scratch work in readers: appending is a plain
/// store, with none of an array's copy-on-write checks. Not shared between threads.
public final class CodeBuffer {
    // Only this class touches these, one call at a time, so the runtime's exclusivity checks
    // (a large share of a reader's time) are switched off for them.
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt16>
    @exclusivity(unchecked) private var capacity: Int
    /// The number of codes held.
    @exclusivity(unchecked) public private(set) var count = 0

    public init(capacity: Int = 64) {
        self.capacity = max(capacity, 8)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    @inline(__always) public func append(_ code: UInt16) {
        if count == capacity { grow() }
        storage[count] = code
        count += 1
    }

    @inline(__always) public subscript(index: Int) -> UInt16 {
        get { storage[index] }
    }

    /// Forgets the codes, keeping the memory.
    @inline(__always) public func removeAll() { count = 0 }

    /// Keeps the first `newCount` codes.
    @inline(__always) public func truncate(to newCount: Int) { count = min(count, newCount) }

    /// The codes held, valid until the next change to the buffer.
    public var codes: UnsafeBufferPointer<UInt16> { UnsafeBufferPointer(start: storage, count: count) }

    private func grow() {
        let larger = UnsafeMutablePointer<UInt16>.allocate(capacity: capacity * 2)
        larger.update(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
