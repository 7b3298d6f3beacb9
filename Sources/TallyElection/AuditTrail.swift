import TallyArithmetic
import TallyCounting
import TallyModel

/// A per-ballot audit trail (docs/audit-trail.md), recorded as the ballots are read and counted:
/// what became of each ballot line, and where the count put each ranking's papers, stage by
/// stage. Both are kept in temporary files, not in memory, so a count of any size can have one;
/// `replay` gives the trail row by row, in order.
public final class AuditTrail: BallotLineObserver, PaperTrail, @unchecked Sendable {
    /// Where a row puts a ballot line's papers, or what it says of them.
    public enum Destination: Sendable, Equatable {
        case candidate(Int)
        /// No continuing preference: the papers leave the count.
        case nonTransferable
        /// Part of a surplus no paper carries, counted as exhausted (ERS97 5.3.10).
        case exhaustedRemainder
        /// Part of a surplus no paper carries, lost to rounding.
        case lostToRounding
        /// Invalid when read (the irregular-ballot rule), or a line of no ballots.
        case invalid
        /// Void under the method (block vote: too many marks).
        case void
    }

    /// One row of the trail.
    public struct Row: Sendable {
        /// The stage's label; nil for what happened at reading.
        public let stage: String?
        /// The ballot line (or CSV row); nil for a remainder no paper carries.
        public let line: Int?
        /// The ballots the line holds (its weight).
        public let papers: Int64?
        /// Who held the papers before (nil: no one yet, or a Meek holding).
        public let from: Int?
        public let to: Destination
        /// The value of each paper where it goes; for a remainder, the whole amount.
        public let value: DecimalValue?
        public let note: String?
    }

    private let lines: SpoolFile
    private let events: SpoolFile
    private var stageLabels: [String] = []

    public init() throws(ElectionFailure) {
        do {
            lines = try SpoolFile(label: "trail-lines")
            events = try SpoolFile(label: "trail-moves")
        } catch let failure as ElectionFailure {
            throw failure
        } catch {
            throw ElectionFailure(.cannotWrite, "cannot create a temporary file for the audit trail: \(error)")
        }
    }

    // MARK: Recording

    static let irregularities = Irregularity.allCases

    public func ballotLine(_ line: Int, ranking: Int?, weight: Int64, irregularity: Irregularity?, ballotID: String?) throws {
        try lines.append(Int64(line))
        try lines.append(Int32(ranking ?? -1))
        try lines.append(weight)
        try lines.append(UInt8(irregularity.flatMap { AuditTrail.irregularities.firstIndex(of: $0) }.map { $0 + 1 } ?? 0))
    }

    private enum Event: UInt8 { case credit = 1, void, remainder, hold }

    public func credit(ranking: Int, papers: Int64, to candidate: Int?, value: DecimalValue) throws {
        try record(.credit, ranking: ranking, papers: papers, candidate: candidate, value: value)
    }

    public func hold(ranking: Int, papers: Int64, by candidate: Int?, value: DecimalValue) throws {
        try record(.hold, ranking: ranking, papers: papers, candidate: candidate, value: value)
    }

    private func record(_ event: Event, ranking: Int, papers: Int64, candidate: Int?, value: DecimalValue) throws {
        try events.append(event.rawValue)
        try events.append(Int32(stageLabels.count))
        try events.append(Int32(ranking))
        try events.append(papers)
        try events.append(Int32(candidate ?? -1))
        try events.append(value.units)
        try events.append(UInt8(value.places))
    }

    public func void(ranking: Int, papers: Int64, reason: String) throws {
        try events.append(Event.void.rawValue)
        try events.append(Int32(stageLabels.count))
        try events.append(Int32(ranking))
        try events.append(papers)
        try events.append(reason)
    }

    public func remainder(from candidate: Int, lostToRounding: Bool, value: DecimalValue) throws {
        try events.append(Event.remainder.rawValue)
        try events.append(Int32(stageLabels.count))
        try events.append(Int32(candidate))
        try events.append(UInt8(lostToRounding ? 1 : 0))
        try events.append(value.units)
        try events.append(UInt8(value.places))
    }

    public func endStage(_ label: String) throws { stageLabels.append(label) }

    // MARK: Replaying

    /// Calls `body` with every row: first the lines invalid when read, in file order; then, stage
    /// by stage, every line whose papers the stage credited, with who held them before (under
    /// Meek, every line's vote part by part at every stage). `rankings` is the number of the
    /// profile's distinct rankings.
    public func replay(rankings: Int, _ body: (Row) throws -> Void) throws {
        // The lines of each ranking, in file order (a counting sort of the ballot lines).
        var perRanking = Array(repeating: Int32(0), count: rankings + 1)
        var reader = try lines.reader()
        var total = 0
        while try !reader.atEnd {
            let line = try reader.read(Int64.self)
            let ranking = Int(try reader.read(Int32.self))
            let weight = try reader.read(Int64.self)
            let irregularity = Int(try reader.read(UInt8.self))
            total += 1
            if ranking >= 0, ranking < rankings {
                perRanking[ranking + 1] += 1
            } else {
                let note = irregularity > 0 ? AuditTrail.irregularities[irregularity - 1].rawValue : "invalid"
                try body(Row(stage: nil, line: Int(line), papers: weight, from: nil, to: .invalid, value: nil, note: note))
            }
        }
        for index in 0..<rankings { perRanking[index + 1] += perRanking[index] }
        let valid = Int(perRanking[rankings])
        var lineNumbers = Array(repeating: Int64(0), count: valid)
        var lineWeights = Array(repeating: Int64(0), count: valid)
        var lineIrregularities = Array(repeating: UInt8(0), count: valid)
        var next = Array(perRanking.dropLast())
        reader = try lines.reader()
        for _ in 0..<total {
            let line = try reader.read(Int64.self)
            let ranking = Int(try reader.read(Int32.self))
            let weight = try reader.read(Int64.self)
            let irregularity = try reader.read(UInt8.self)
            guard ranking >= 0, ranking < rankings else { continue }
            let slot = Int(next[ranking])
            next[ranking] += 1
            lineNumbers[slot] = line
            lineWeights[slot] = weight
            lineIrregularities[slot] = irregularity
        }

        var holder = Array(repeating: Int32(-1), count: rankings)
        reader = try events.reader()
        while try !reader.atEnd {
            guard let event = Event(rawValue: try reader.read(UInt8.self)) else { throw ElectionFailure.internalFault("an audit trail's record is damaged") }
            let stageIndex = Int(try reader.read(Int32.self))
            let stage = stageIndex < stageLabels.count ? stageLabels[stageIndex] : "?"
            switch event {
            case .credit, .hold, .void:
                let ranking = Int(try reader.read(Int32.self))
                let papers = try reader.read(Int64.self)
                var to = Destination.void, value: DecimalValue?, note: String?
                if event != .void {
                    let candidate = Int(try reader.read(Int32.self))
                    let units = try reader.read(Int64.self)
                    let places = Int(try reader.read(UInt8.self))
                    to = candidate >= 0 ? .candidate(candidate) : .nonTransferable
                    value = DecimalValue(units: units, places: places)
                } else {
                    note = try reader.readString()
                }
                guard ranking >= 0, ranking < rankings else { throw ElectionFailure.internalFault("the count credited a ranking the ballots do not hold") }
                // Under Meek a row says where part of the vote sits, not where it came from.
                let from = event == .credit && stageIndex > 0 && holder[ranking] >= 0 ? Int(holder[ranking]) : nil
                var sum: Int64 = 0
                for slot in Int(perRanking[ranking])..<Int(perRanking[ranking + 1]) {
                    sum += lineWeights[slot]
                    let irregular = stageIndex == 0 && lineIrregularities[slot] > 0 ? AuditTrail.irregularities[Int(lineIrregularities[slot]) - 1].rawValue : nil
                    try body(Row(stage: stage, line: Int(lineNumbers[slot]), papers: lineWeights[slot], from: from, to: to, value: value, note: note ?? irregular))
                }
                guard sum == papers else {
                    throw ElectionFailure.internalFault("the count moved \(papers) papers of a ranking whose ballot lines hold \(sum)")
                }
                if case let .candidate(candidate) = to { holder[ranking] = Int32(candidate) }
                if to == .nonTransferable { holder[ranking] = -2 }
            case .remainder:
                let candidate = Int(try reader.read(Int32.self))
                let lost = try reader.read(UInt8.self) == 1
                let units = try reader.read(Int64.self)
                let places = Int(try reader.read(UInt8.self))
                try body(Row(
                    stage: stage, line: nil, papers: nil, from: candidate, to: lost ? .lostToRounding : .exhaustedRemainder,
                    value: DecimalValue(units: units, places: places), note: lost ? "lost to rounding: the part of the surplus the transfer value's truncation left behind" : "the part of the surplus no transferable paper carried, counted as exhausted (ERS97 5.3.10)"
                ))
            }
        }
    }
}
