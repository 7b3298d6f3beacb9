/// Papers with the same ranking, sitting at the same preference, held together.
struct PaperGroup {
    /// The ranking's index in `STVBallots`.
    var ranking: Int32
    /// The position in the ranking of the candidate now holding the papers.
    var position: Int32
    /// How many papers.
    var papers: Int64
}
