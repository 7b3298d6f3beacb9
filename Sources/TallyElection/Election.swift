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
        seatsAskedFor: Bool = false, trail: PaperTrail? = nil
    ) throws(ElectionFailure) -> CountResult {
        do {
            switch method {
            case let .stv(rule):
                return .stv(try STV(rule: rule, seats: seats, minimums: minimums).count(ballots.profile, ties: ties, trail: trail))
            case let .block(votesPerBallot, overVotes):
                return .block(try BlockVote(seats: seats, votesPerBallot: votesPerBallot, overVotes: overVotes, minimums: minimums).count(ballots.profile, ties: ties, trail: trail))
            }
        } catch {
            throw ElectionFailure.counting(error, context, seatsAskedFor: seatsAskedFor) { ballots.profile.candidates[$0].name }
        }
    }

    /// Carries out a count request: reads and prepares the ballots, then counts them. With
    /// `auditTrail`, every ballot line and every movement of papers is told to it
    /// (docs/audit-trail.md), on a file counted whole.
    public static func count(_ request: CountRequest, auditTrail: AuditTrail? = nil) throws(ElectionFailure) -> (ballots: PreparedBallots, result: CountResult) {
        if auditTrail != nil {
            if request.ballots.region != nil {
                throw ElectionFailure(.request, "--audit-trail is for a file counted whole: count the region's own file, or leave out --region")
            }
        }
        let ballots = try BallotPreparation.prepare(request.ballots, observer: auditTrail)
        let seats = try request.seats(for: ballots)
        let ties = try request.ties.breaker(for: ballots.profile)
        let result = try count(
            ballots, seats: seats, method: request.method, minimums: request.ballots.minimums, ties: ties, context: ballots.path,
            seatsAskedFor: request.seats != nil, trail: auditTrail
        )
        return (ballots, result)
    }

    /// Carries out a comparison: the request's ballots (one region's file) counted by its STV
    /// rule and by block vote on each ballot's first N preferences.
    public static func compare(_ request: CountRequest) throws(ElectionFailure) -> (ballots: PreparedBallots, comparison: Comparison) {
        let read = try BallotPreparation.read(request.ballots)
        guard read.profile.regions.isEmpty else {
            throw ElectionFailure(.request, "\(read.path) holds several regions; compare one region's file, or count the contest with tally count --contest")
        }
        let ballots = try BallotPreparation.prepare(read, request.ballots)
        let seats = try request.seats(for: ballots)
        let rule: STVRule = switch request.method {
        case let .stv(rule): rule
        case .block: .ers97
        }
        do {
            let comparison = try Comparison(
                profile: ballots.profile, seats: seats, rule: rule, minimums: request.ballots.minimums, seed: request.ties.seed,
                tieOrder: try request.ties.breaker(for: ballots.profile).explicitOrder
            )
            return (ballots, comparison)
        } catch let failure as ElectionFailure {
            throw failure
        } catch {
            throw ElectionFailure.counting(error, ballots.path, seatsAskedFor: request.seats != nil) { ballots.profile.candidates[$0].name }
        }
    }
}
