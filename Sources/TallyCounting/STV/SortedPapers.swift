/// Papers sorted by their next preference for a continuing candidate, ready to move.
struct SortedPapers {
    /// Groups with a next preference, each at that preference's position.
    var transferable: [PaperGroup] = []
    var transferablePapers: Int64 = 0
    /// Papers with no next preference for a continuing candidate.
    var nonTransferablePapers: Int64 = 0
    /// The groups of those papers, kept only for an audit trail.
    var nonTransferable: [PaperGroup] = []
}
