/// Told, as a ballot file is read, what became of each ballot line: the source of a per-ballot
/// audit trail (docs/audit-trail.md). A reader given none tells nothing.
public protocol BallotLineObserver: AnyObject {
    /// Line `line` held `weight` ballots; `ranking` is the profile's distinct ranking they were
    /// counted as, nil when they are invalid (or the line holds none); `irregularity` is what the
    /// irregular-ballot rule found on the line, if anything; `ballotID` the line's ballot id, if
    /// the file gives one.
    func ballotLine(_ line: Int, ranking: Int?, weight: Int64, irregularity: Irregularity?, ballotID: String?) throws
}
