/// Codes a reader uses to describe a ranking exactly as written, before the irregular-ballot rule
/// resolves it: a candidate index, or one of the markers below, with the top bit meaning
/// "ranked equal with the previous code".
public enum RawPreferenceCode {
    /// A rank left empty (a gap in the ranking, or `-` in BLT).
    public static let skippedRank: UInt16 = 0x7FFE
    /// A preference naming no candidate on the ballot.
    public static let unknownCandidate: UInt16 = 0x7FFF
    /// Set on a code that shares its rank with the code before it.
    public static let equalToPrevious: UInt16 = 0x8000
    /// Mask for the code without the flag.
    public static let valueMask: UInt16 = 0x7FFF
}
