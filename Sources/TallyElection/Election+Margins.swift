import TallyCounting
import TallyModel

extension Election {
    /// The margins of a block-vote count request (docs/margins.md): the ballots prepared as for
    /// `count`, then counted and recounted.
    public static func blockMargins(_ request: CountRequest) throws(ElectionFailure) -> (ballots: PreparedBallots, margins: BlockVoteMargins) {
        guard case let .block(votesPerBallot, overVotes) = request.method else {
            throw ElectionFailure(.request, "margins are worked out for block vote (--method block); STV margins are not yet available")
        }
        let ballots = try BallotPreparation.prepare(request.ballots)
        let seats = try request.seats(for: ballots)
        let ties = try request.ties.breaker(for: ballots.profile)
        do {
            let method = BlockVote(seats: seats, votesPerBallot: votesPerBallot, overVotes: overVotes, minimums: request.ballots.minimums)
            return (ballots, try BlockVoteMargins(profile: ballots.profile, method: method, ties: ties))
        } catch {
            throw ElectionFailure.counting(error, ballots.path, seatsAskedFor: request.seats != nil) { ballots.profile.candidates[$0].name }
        }
    }
}
