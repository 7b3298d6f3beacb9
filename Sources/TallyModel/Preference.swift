/// One entry of a stored ranking: a candidate index, and whether the voter ranked it equal with
/// the entry before it.
///
/// Stored as 16 bits: the low 15 hold the candidate's index (0-based, ballot-file order), the top
/// bit says "ranked equal with the previous entry". Tally therefore supports at most
/// `Preference.maximumCandidates` candidates.
public struct Preference: Hashable, Sendable {
    public let rawValue: UInt16

    /// The largest number of candidates a ballot profile can hold.
    public static let maximumCandidates = 0x7FF0

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public init(candidate: Int, equalToPrevious: Bool = false) {
        precondition(candidate >= 0 && candidate < Preference.maximumCandidates, "candidate index out of range")
        rawValue = UInt16(candidate) | (equalToPrevious ? 0x8000 : 0)
    }

    /// The candidate's 0-based index in ballot-file order.
    @inlinable public var candidate: Int { Int(rawValue & 0x7FFF) }
    /// True when this entry shares its rank with the entry before it.
    @inlinable public var isEqualToPrevious: Bool { rawValue & 0x8000 != 0 }
}
