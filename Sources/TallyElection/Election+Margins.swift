import TallyCounting
import TallyModel
import TallySimulation

/// What `tally margins` works out for a count request: the margins by the request's method and,
/// when asked for, the result's stability under resampling — all from one reading of the ballots.
public struct MarginsOutcome: Sendable {
    public enum Margins: Sendable {
        case block(BlockVoteMargins)
        case stv(STVMargins)
    }

    public let ballots: PreparedBallots
    public let margins: Margins
    public let resampling: Resampling?

    /// The count's winners.
    public var elected: [Int] {
        switch margins {
        case let .block(margins): margins.record.elected
        case let .stv(margins): margins.record.elected
        }
    }
}

extension Election {
    /// The margins of a count request (docs/margins.md), and with `resamples` its stability: the
    /// ballots read and prepared once, counted, then recounted as each needs.
    public static func margins(_ request: CountRequest, resamples: Int?, threads: Int) throws(ElectionFailure) -> MarginsOutcome {
        let ballots = try BallotPreparation.prepare(request.ballots)
        let seats = try request.seats(for: ballots)
        let ties = try request.ties.breaker(for: ballots.profile)
        let minimums = request.ballots.minimums
        do {
            let margins: MarginsOutcome.Margins
            let count: @Sendable (BallotProfile) throws -> [Int]
            switch request.method {
            case let .stv(rule):
                let method = STV(rule: rule, seats: seats, minimums: minimums)
                margins = .stv(try STVMargins(profile: ballots.profile, method: method, ties: ties))
                count = { try method.count($0, ties: ties).elected }
            case let .block(votesPerBallot, overVotes):
                let method = BlockVote(seats: seats, votesPerBallot: votesPerBallot, overVotes: overVotes, minimums: minimums)
                margins = .block(try BlockVoteMargins(profile: ballots.profile, method: method, ties: ties))
                count = { try method.count($0, ties: ties).elected }
            }
            var outcome = MarginsOutcome(ballots: ballots, margins: margins, resampling: nil)
            if let resamples {
                // Resamples are seeded by the request's seed (docs/margins.md).
                let resampling = try Resampling(profile: ballots.profile, winners: outcome.elected, resamples: resamples, seed: request.ties.seed, threads: threads, count: count)
                outcome = MarginsOutcome(ballots: ballots, margins: margins, resampling: resampling)
            }
            return outcome
        } catch {
            throw ElectionFailure.counting(error, ballots.path, seatsAskedFor: request.seats != nil) { ballots.profile.candidates[$0].name }
        }
    }
}
