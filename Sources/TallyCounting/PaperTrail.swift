import TallyArithmetic

/// Told, as a count moves papers, where each ranking's papers go, stage by stage: the source of
/// a per-ballot audit trail (docs/audit-trail.md). A count given none tells nothing and pays
/// nothing.
///
/// Rankings are the profile's distinct rankings, by index. A count tells the credits of a stage
/// as it makes them, then `endStage` with the stage's label.
public protocol PaperTrail: AnyObject {
    /// `papers` papers of `ranking`, each credited with `value`: to `candidate`, or, when nil, to
    /// the non-transferable papers (no continuing preference).
    func credit(ranking: Int, papers: Int64, to candidate: Int?, value: DecimalValue) throws
    /// Where the vote of each paper of `ranking` sits after the stage, part by part: `value` of
    /// it with `candidate`, or, when nil, as excess (Meek, whose every paper may be shared among
    /// several candidates; told for every ranking at every stage).
    func hold(ranking: Int, papers: Int64, by candidate: Int?, value: DecimalValue) throws
    /// Papers of `ranking` that give no vote: void (block vote: too many marks).
    func void(ranking: Int, papers: Int64, reason: String) throws
    /// A part of a stage's figures that no paper carries: the remainder of a surplus counted as
    /// exhausted (ERS97 5.3.10) or lost to rounding, taken from `candidate`.
    func remainder(from candidate: Int, lostToRounding: Bool, value: DecimalValue) throws
    /// The credits told since the last stage make the stage `label`.
    func endStage(_ label: String) throws
}
