import TallyCounting
import TallyModel

/// Counting prepared ballots by the method asked for: the step between preparation and the
/// record, shared by `count`, contests and `compare`.
public enum Election {
    /// Counts `ballots` for `seats` seats by `method`, with `minimums` and `ties`. Every way a
    /// count can fail becomes an `ElectionFailure` naming `context` (the file, or a contest's
    /// section); `seatsAskedFor`: the seats came from the user, so seats the file cannot fill are
    /// the request's fault.
    public static func count(
        _ ballots: PreparedBallots, seats: Int, method: CountMethod, minimums: [Minimum], ties: TieBreaker, context: String,
        seatsAskedFor: Bool = false
    ) throws(ElectionFailure) -> CountResult {
        do {
            switch method {
            case let .stv(rule):
                return .stv(try STV(rule: rule, seats: seats, minimums: minimums).count(ballots.profile, ties: ties))
            case let .block(votesPerBallot, overVotes):
                return .block(try BlockVote(seats: seats, votesPerBallot: votesPerBallot, overVotes: overVotes, minimums: minimums).count(ballots.profile, ties: ties))
            }
        } catch {
            throw ElectionFailure.counting(error, context, seatsAskedFor: seatsAskedFor) { ballots.profile.candidates[$0].name }
        }
    }

    /// Carries out a count request: reads and prepares the ballots, then counts them.
    public static func count(_ request: CountRequest) throws(ElectionFailure) -> (ballots: PreparedBallots, result: CountResult) {
        let ballots = try BallotPreparation.prepare(request.ballots)
        let seats = try request.seats(for: ballots)
        let ties = try request.ties.breaker(for: ballots.profile)
        let result = try count(
            ballots, seats: seats, method: request.method, minimums: request.ballots.minimums, ties: ties, context: ballots.path,
            seatsAskedFor: request.seats != nil
        )
        return (ballots, result)
    }
}
