extension BallotProfile {
    /// The same ballots with the candidates' details (categories, slate) replaced.
    public func replacingCandidates(_ candidates: [Candidate]) -> BallotProfile {
        precondition(candidates.count == self.candidates.count, "one candidate for each")
        var copy = self
        copy.candidates = candidates
        return copy
    }
}
