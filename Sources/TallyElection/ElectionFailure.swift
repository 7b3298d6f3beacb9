import TallyArithmetic
import TallyBallotFiles
import TallyCounting

/// Why an election task (a count, a comparison, a contest, a simulation) stopped, in words for
/// the user, and the one place where each kind of failure gets its exit status.
public struct ElectionFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The request does not make sense, or does not fit the file (a region it lacks): exit 64.
        case request
        /// An input file is missing or cannot be read: exit 66.
        case unreadableInput
        /// An input file is not what it should be, or its ballots cannot be counted as asked:
        /// exit 65.
        case badData
        /// An output file cannot be written: exit 73.
        case cannotWrite
        /// A fault in Tally itself (a count that does not add up): exit 70.
        case internalFault
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A ballot, candidates, contest or scenario file that could not be read or is malformed.
    public init(_ error: BallotFileError) {
        self.init(error.kind == .unreadable ? .unreadableInput : .badData, error.description)
    }

    /// A fault in Tally, with a plea to report it.
    public static func internalFault(_ finding: String) -> ElectionFailure {
        ElectionFailure(.internalFault, "internal error: \(finding). This is a fault in Tally, not in your files: please report it with the files and the command line that produced it.")
    }

    public var description: String { message }

    /// The exit status a command ends with (sysexits.h).
    public var exitCode: ExitCode {
        switch kind {
        case .request: .usage
        case .unreadableInput: .noInput
        case .badData: .dataError
        case .cannotWrite: .cannotCreate
        case .internalFault: .software
        }
    }

    /// A count that could not be carried out, about `context` (a file, a contest's section):
    /// the method's refusal (`CountError`), an undecided tie, an overflow (all the data's), or a
    /// fault of Tally's own. `seatsAskedFor`: seats the ballots cannot fill were the user's
    /// request. `names` gives candidates' names for a tie.
    public static func counting(
        _ error: any Error, _ context: String, seatsAskedFor: Bool = false, names: (Int) -> String = { "candidate \($0 + 1)" }
    ) -> ElectionFailure {
        switch error {
        case let failure as ElectionFailure:
            return failure
        case let error as CountError:
            let request = switch error {
            case .noSeats, .moreSeatsThanCandidates: seatsAskedFor
            default: false
            }
            return ElectionFailure(request ? .request : .badData, "\(context): cannot count: \(error)")
        case let tie as UnresolvedTie:
            let tied = tie.candidates.map(names).joined(separator: ", ")
            return ElectionFailure(.badData, "\(context): a tie for \(tie.question) between \(tied) is not decided by the tie order given (--tie-order or the file's [tie]); name all of them in it, or leave it out to use the seeded draw")
        case let overflow as ArithmeticOverflow:
            return ElectionFailure(.badData, "\(context): cannot count: \(overflow)")
        case let fault as InternalInconsistency:
            return internalFault("\(context): \(fault.finding)")
        default:
            return internalFault("\(context): \(error)")
        }
    }
}
