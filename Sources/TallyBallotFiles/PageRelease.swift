/// Tells a file's `release` (`FileBytes.release(before:)`), every `FileBytes.releaseStride`
/// bytes, how far a reader has got, so that the pages behind it can go.
struct PageRelease {
    private let release: ((Int) -> Void)?
    /// The offset at which `release` is next told.
    private(set) var next = FileBytes.releaseStride

    init(_ release: ((Int) -> Void)?) { self.release = release }

    /// The reader no longer needs the bytes below `offset`.
    @inline(__always) mutating func reached(_ offset: Int) {
        guard offset >= next else { return }
        release?(offset)
        next = offset + FileBytes.releaseStride
    }
}
