import TallyCounting
import TallyModel
import TallySimulation

extension Election {
    /// The margins of a block-vote count request (docs/margins.md): the ballots prepared as for
    /// `count`, then counted and recounted.
    public static func blockMargins(_ request: CountRequest) throws(ElectionFailure) -> (ballots: PreparedBallots, margins: BlockVoteMargins) {
        guard case let .block(votesPerBallot, overVotes) = request.method else {
            throw ElectionFailure(.request, "block-vote margins need --method block")
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

    /// The margins of an STV count request: searched, each proved by a recount (docs/margins.md).
    public static func stvMargins(_ request: CountRequest) throws(ElectionFailure) -> (ballots: PreparedBallots, margins: STVMargins) {
        guard case let .stv(rule) = request.method else { throw ElectionFailure(.request, "STV margins need --method stv") }
        let ballots = try BallotPreparation.prepare(request.ballots)
        let seats = try request.seats(for: ballots)
        let ties = try request.ties.breaker(for: ballots.profile)
        do {
            return (ballots, try STVMargins(profile: ballots.profile, method: STV(rule: rule, seats: seats, minimums: request.ballots.minimums), ties: ties))
        } catch {
            throw ElectionFailure.counting(error, ballots.path, seatsAskedFor: request.seats != nil) { ballots.profile.candidates[$0].name }
        }
    }

    /// The request counted, then `resamples` bootstrap resamples of its ballots counted the same
    /// way (seeded by the request's seed), on `threads` threads.
    public static func resample(_ request: CountRequest, resamples: Int, threads: Int) throws(ElectionFailure) -> (ballots: PreparedBallots, result: CountResult, resampling: Resampling) {
        let (ballots, result) = try count(request)
        let seats = try request.seats(for: ballots)
        let ties = try request.ties.breaker(for: ballots.profile)
        let method = request.method, minimums = request.ballots.minimums
        do {
            let resampling = try Resampling(profile: ballots.profile, winners: result.elected, resamples: resamples, seed: request.ties.seed, threads: threads) { profile in
                switch method {
                case let .stv(rule): try STV(rule: rule, seats: seats, minimums: minimums).count(profile, ties: ties).elected
                case let .block(votesPerBallot, overVotes):
                    try BlockVote(seats: seats, votesPerBallot: votesPerBallot, overVotes: overVotes, minimums: minimums).count(profile, ties: ties).elected
                }
            }
            return (ballots, result, resampling)
        } catch {
            throw ElectionFailure.counting(error, "\(ballots.path): a resample", seatsAskedFor: request.seats != nil) { ballots.profile.candidates[$0].name }
        }
    }
}
