/// Codes a reader uses to describe a ranking exactly as written, before the irregular-ballot rule
/// resolves it: a candidate index, or one of the markers below, with the top bit meaning
/// "ranked equal with the previous code".
public enum RawPreferenceCode {
    /// A rank left empty (a blank cell, or a missing rank number). Blank ranks at the end of a
    /// ranking are not irregular.
    public static let skippedRank: UInt16 = 0x7FFE
    /// A rank known to be skipped with later ranks used (`-` in BLT, a missing rank number below a
    /// higher one in CSV): irregular wherever it stands.
    public static let markedSkip: UInt16 = 0x7FFD
    /// A preference naming no candidate on the ballot.
    public static let unknownCandidate: UInt16 = 0x7FFF
    /// Set on a code that shares its rank with the code before it.
    public static let equalToPrevious: UInt16 = 0x8000
    /// Mask for the code without the flag.
    public static let valueMask: UInt16 = 0x7FFF
}
