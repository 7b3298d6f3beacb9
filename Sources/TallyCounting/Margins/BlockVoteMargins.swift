import TallyModel

/// Exact margins of a block-vote count (docs/margins.md): for each candidate not elected the
/// fewest added ballots that elect them, for each winner the fewest changed ballots that unseat
/// them, and the margin of the whole result — each found among the only numbers at which the
/// placing order can change, and proved by recounting.
///
/// The result of a block vote depends only on the order of the candidates' votes (and on how
/// ties in it are broken): between two numbers at which some pair of candidates becomes equal
/// or changes places, every recount elects the same candidates. So the fewest ballots is the
/// first of those numbers whose recount changes the result, and the recount at one fewer keeps
/// it. The search recounts the totals alone (one ballot per mark); each figure found is then
/// recounted on the ballots, with it and with one fewer, and a disagreement is a fault. Minimums
/// (displacement) are applied in every recount, so the margins hold under them.
public struct BlockVoteMargins: Sendable {
    public let record: BlockVoteRecord
    /// One per standing candidate not elected, in placing order.
    public let toElect: [BlockVoteMargin]
    /// One per winner, in placing order: the cheapest challenger.
    public let toUnseat: [BlockVoteMargin]
    /// The fewest ballots changed that change the set of winners: the smallest `toUnseat`.
    public var overall: BlockVoteMargin? {
        toUnseat.filter { $0.ballots != nil }.min { ($0.ballots!, $0.candidate) < ($1.ballots!, $1.candidate) }
    }

    /// Recounts `profile` by `method` as often as the margins need (ties as `ties` decides them).
    public init(profile: BallotProfile, method: BlockVote, ties: TieBreaker) throws {
        let record = try method.count(profile, ties: ties)
        self.record = record
        func recount(_ changed: BallotProfile) throws -> [Int] { try method.count(changed, ties: ties).elected }
        // The search runs on the totals alone (the result depends on nothing else); each figure
        // it finds is then proved on the ballots themselves.
        func recount(totals: [Int64]) throws -> [Int] { try recount(profile.withTotals(totals)) }
        let elected = Set(record.elected)
        let votes = record.votes
        let standing = record.placing

        var toElect: [BlockVoteMargin] = []
        for candidate in standing where !elected.contains(candidate) {
            // The numbers at which the candidate draws level with, or passes, someone above.
            let steps = Set(standing.flatMap { other -> [Int64] in
                let gap = votes[other] - votes[candidate]
                return other == candidate || gap < 0 ? [] : [max(gap, 1), gap + 1]
            }).sorted()
            var found: BlockVoteMargin?
            for added in steps {
                var totals = votes
                totals[candidate] += added
                guard try recount(totals: totals).contains(candidate) else { continue }
                let winners = try recount(profile.adding([candidate], weight: added))
                let before = added > 1 ? try recount(profile.adding([candidate], weight: added - 1)) : record.elected
                guard winners.contains(candidate), !before.contains(candidate) else {
                    throw InternalInconsistency("block-vote margin of candidate \(candidate): the totals and the ballots disagree at \(added)")
                }
                found = BlockVoteMargin(candidate: candidate, kind: .toElect, ballots: added, challenger: nil, electedWith: winners, electedWithOneFewer: before)
                break
            }
            toElect.append(found ?? BlockVoteMargin(candidate: candidate, kind: .toElect, ballots: nil, challenger: nil, electedWith: [], electedWithOneFewer: nil))
        }

        var toUnseat: [BlockVoteMargin] = []
        let limit = method.votesPerBallot
        for winner in standing where elected.contains(winner) {
            var best: BlockVoteMargin?
            for challenger in standing where !elected.contains(challenger) {
                // A ballot whose counted marks include the winner in full and which does not name
                // the challenger: its mark for the winner moves to the challenger.
                func qualifies(_ ranking: Ranking) -> Bool {
                    guard let counted = BlockVote.countedMarks(ranking, limit: limit, policy: method.overVotes) else { return false }
                    return ranking.entries.prefix(counted).contains { $0.candidate == winner } && !ranking.entries.contains { $0.candidate == challenger }
                }
                func change(_ ranking: Ranking) -> [Preference] {
                    ranking.entries.map { $0.candidate == winner ? Preference(candidate: challenger, equalToPrevious: $0.isEqualToPrevious) : $0 }
                }
                // The numbers at which the winner falls level with or below someone, or the
                // challenger rises level with or above someone.
                var steps = Set<Int64>()
                for other in standing where other != winner && other != challenger {
                    let down = votes[winner] - votes[other], up = votes[other] - votes[challenger]
                    if down >= 0 { steps.formUnion([max(down, 1), down + 1]) }
                    if up >= 0 { steps.formUnion([max(up, 1), up + 1]) }
                }
                let gap = votes[winner] - votes[challenger]
                steps.formUnion([max((gap + 1) / 2, 1), gap / 2 + 1])
                // The ballots that can be changed this way.
                var available: Int64 = 0
                for ballot in profile.ballots where qualifies(ballot.ranking) { available += ballot.weight }
                for changed in steps.sorted() {
                    if let current = best?.ballots, changed >= current { break }
                    guard changed <= available else { break }
                    var totals = votes
                    totals[winner] -= changed
                    totals[challenger] += changed
                    guard try !recount(totals: totals).contains(winner) else { continue }
                    guard let profileChanged = profile.changing(changed, where: qualifies, by: change) else { break }
                    let winners = try recount(profileChanged)
                    let before = changed > 1 ? try profile.changing(changed - 1, where: qualifies, by: change).map(recount) : record.elected
                    guard !winners.contains(winner), before?.contains(winner) ?? true else {
                        throw InternalInconsistency("block-vote margin of candidate \(winner): the totals and the ballots disagree at \(changed)")
                    }
                    best = BlockVoteMargin(candidate: winner, kind: .toUnseat, ballots: changed, challenger: challenger, electedWith: winners, electedWithOneFewer: before)
                    break
                }
            }
            toUnseat.append(best ?? BlockVoteMargin(candidate: winner, kind: .toUnseat, ballots: nil, challenger: nil, electedWith: [], electedWithOneFewer: nil))
        }
        self.toElect = toElect
        self.toUnseat = toUnseat
    }
}
