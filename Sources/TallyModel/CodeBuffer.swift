/// A growable buffer of 16-bit codes for per-line scratch work in readers: appending is a plain
/// store, with none of an array's copy-on-write checks. Not shared between threads.
public final class CodeBuffer {
    // Only this class touches these, one call at a time, so the runtime's exclusivity checks
    // (a large share of a reader's time) are switched off for them.
    // `@usableFromInline` so that readers in other modules inline the per-code calls.
    @exclusivity(unchecked) @usableFromInline var storage: UnsafeMutablePointer<UInt16>
    @exclusivity(unchecked) @usableFromInline var capacity: Int
    @exclusivity(unchecked) @usableFromInline var held = 0
    /// The number of codes held.
    @inlinable public var count: Int { held }

    public init(capacity: Int = 64) {
        self.capacity = max(capacity, 8)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    @inlinable public func append(_ code: UInt16) {
        if held == capacity { grow() }
        storage[held] = code
        held += 1
    }

    @inlinable public subscript(index: Int) -> UInt16 {
        get { storage[index] }
    }

    /// Forgets the codes, keeping the memory.
    @inlinable public func removeAll() { held = 0 }

    /// Keeps the first `newCount` codes.
    @inlinable public func truncate(to newCount: Int) { held = min(held, newCount) }

    /// The codes held, valid until the next change to the buffer.
    @inlinable public var codes: UnsafeBufferPointer<UInt16> { UnsafeBufferPointer(start: storage, count: count) }

    @usableFromInline func grow() {
        let larger = UnsafeMutablePointer<UInt16>.allocate(capacity: capacity * 2)
        larger.update(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
