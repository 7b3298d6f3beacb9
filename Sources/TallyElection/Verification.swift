import TallyArithmetic
import TallyBallotFiles
import TallyCounting
import TallyModel

/// A published result sheet checked against Tally's count of the same ballots (docs/verify.md):
/// every figure that differs, stage by stage and candidate by candidate, the first stage where
/// they part, and a verdict.
public struct Verification: Sendable {
    public enum Verdict: String, Sendable {
        /// Every figure on the sheet is the count's.
        case identical
        /// Some figures differ; the sheet names the count's winners.
        case sameWinnersDifferentFigures = "same-winners-different-figures"
        /// Some figures differ, and the sheet does not say who was elected.
        case differentFigures = "different-figures"
        /// The sheet names other winners.
        case differentWinners = "different-winners"
    }

    /// One figure or fact on which the sheet and the count differ.
    public struct Difference: Sendable, Equatable {
        /// The stage as the sheet numbers it; nil for the sheet as a whole (seats, quota).
        public let stage: String?
        /// The same stage as the count numbers it, when the count has it.
        public let countStage: String?
        /// What differs: a candidate's name, or `non-transferable`, `exhausted`, `quota`,
        /// `elected`, `excluded`, `surplus`, `seats`, `stage`.
        public let item: String
        public let sheet: String
        public let count: String
        /// The sheet's line (CSV).
        public let line: Int?
    }

    public let ballots: PreparedBallots
    public let sheet: PublishedStages
    public let count: CountResult
    public let differences: [Difference]
    /// Figures and facts compared.
    public let compared: Int
    /// For each of the count's stages the sheet gives, in the count's order: figures and facts
    /// compared, and how many differ.
    public let byStage: [(stage: String, compared: Int, differing: Int)]
    /// The count's stages the sheet does not give (a CSV may give some of them).
    public let unchecked: [String]
    /// The fewest decimal places a figure on the sheet had where the count has more: figures
    /// were compared at the sheet's places, truncated or rounded (nil: all compared exactly).
    public let sheetPlaces: Int?
    /// The winners the sheet names (its stages' `elected`), nil when it names none.
    public let sheetWinners: [String]?
    public let verdict: Verdict
    /// The count's stages, as it numbers them.
    public var countStages: [String] { Verification.stages(of: count).map(\.label) }

    /// The first stage, in the count's order, where the sheet and the count part.
    public var firstDifference: Difference? { differences.first { $0.stage != nil || $0.countStage != nil } ?? differences.first }

    /// The exit status the verdict gives.
    public var exitCode: ExitCode {
        switch verdict {
        case .identical: .success
        case .sameWinnersDifferentFigures, .differentFigures: .differentFigures
        case .differentWinners: .differentWinners
        }
    }

    /// Checks `sheet` against `count`, a count of `ballots`.
    public init(ballots: PreparedBallots, sheet: PublishedStages, count: CountResult) throws(ElectionFailure) {
        self.ballots = ballots
        self.sheet = sheet
        self.count = count
        let profile = ballots.profile
        func candidate(_ name: String, line: Int?, stage: String) throws(ElectionFailure) -> Int {
            guard let index = profile.candidateIndex(named: name) else {
                let place = line.map { "\(sheet.file):\($0)" } ?? "\(sheet.file): stage \(stage)"
                throw ElectionFailure(.badData, "\(place): '\(Excerpt.of(name))' is not a candidate in \(ballots.path); the candidates are: \(Excerpt.list(profile.candidates.map(\.name)))")
            }
            return index
        }
        let countStages = Verification.stages(of: count)
        var differences: [Difference] = []
        var compared = 0
        var comparedAt: [String: Int] = [:]
        var fewestPlaces: Int?
        func check(_ countValue: DecimalValue, _ figure: PublishedStages.Figure, stage: String?, countStage: String?, item: String) {
            compared += 1
            if let countStage { comparedAt[countStage, default: 0] += 1 }
            let (agrees, coarser) = Verification.agrees(countValue, figure)
            if coarser { fewestPlaces = min(fewestPlaces ?? figure.places, figure.places) }
            if !agrees {
                differences.append(Difference(stage: stage, countStage: countStage, item: item, sheet: figure.description, count: countValue.description, line: figure.line))
            }
        }
        func checkNames(_ sheetNames: [String]?, _ countNames: [Int], stage: String, countStage: String, item: String, line: Int?) throws(ElectionFailure) {
            guard let sheetNames else { return }
            compared += 1
            comparedAt[countStage, default: 0] += 1
            var indices: [Int] = []
            for name in sheetNames { indices.append(try candidate(name, line: line, stage: stage)) }
            if Set(indices) != Set(countNames) {
                differences.append(Difference(
                    stage: stage, countStage: countStage, item: item, sheet: Verification.list(indices.map { profile.candidates[$0].name }),
                    count: Verification.list(countNames.map { profile.candidates[$0].name }), line: line
                ))
            }
        }

        if let seats = sheet.seats, seats != Verification.seats(of: count) {
            compared += 1
            differences.append(Difference(stage: nil, countStage: nil, item: "seats", sheet: String(seats), count: String(Verification.seats(of: count)), line: nil))
        }
        if let quota = sheet.quota, let countQuota = Verification.quota(of: count) {
            check(countQuota, quota, stage: nil, countStage: nil, item: "quota")
        }
        var matched = Set<Int>()
        for (position, stage) in sheet.stages.enumerated() {
            let index = sheet.isComplete ? (position < countStages.count ? position : nil) : countStages.firstIndex { $0.label == stage.label }
            guard let index else {
                compared += 1
                differences.append(Difference(
                    stage: stage.label, countStage: nil, item: "stage", sheet: "stage \(stage.label)", count: "no such stage", line: stage.line
                ))
                continue
            }
            matched.insert(index)
            let countStage = countStages[index]
            for (name, figure) in stage.votes {
                let index = try candidate(name, line: figure.line ?? stage.line, stage: stage.label)
                check(countStage.votes(index), figure, stage: stage.label, countStage: countStage.label, item: profile.candidates[index].name)
            }
            if let figure = stage.nonTransferable, let value = countStage.nonTransferable {
                check(value, figure, stage: stage.label, countStage: countStage.label, item: "non-transferable")
            }
            if let figure = stage.exhausted, let value = countStage.exhausted {
                check(value, figure, stage: stage.label, countStage: countStage.label, item: "exhausted")
            }
            if let figure = stage.quota, let value = countStage.quota {
                check(value, figure, stage: stage.label, countStage: countStage.label, item: "quota")
            }
            try checkNames(stage.elected, countStage.elected, stage: stage.label, countStage: countStage.label, item: "elected", line: stage.line)
            try checkNames(stage.excluded, countStage.excluded, stage: stage.label, countStage: countStage.label, item: "excluded", line: stage.line)
            if let surplus = stage.surplus {
                compared += 1
                comparedAt[countStage.label, default: 0] += 1
                let sheetIndex: Int?
                if let surplus { sheetIndex = try candidate(surplus, line: stage.line, stage: stage.label) } else { sheetIndex = nil }
                if sheetIndex != countStage.surplus {
                    differences.append(Difference(
                        stage: stage.label, countStage: countStage.label, item: "surplus",
                        sheet: sheetIndex.map { profile.candidates[$0].name } ?? "none", count: countStage.surplus.map { profile.candidates[$0].name } ?? "none", line: stage.line
                    ))
                }
            }
        }
        var unchecked: [String] = []
        for (index, stage) in countStages.enumerated() where !matched.contains(index) {
            if sheet.isComplete {
                compared += 1
                differences.append(Difference(stage: nil, countStage: stage.label, item: "stage", sheet: "no such stage", count: "stage \(stage.label)", line: nil))
            } else {
                unchecked.append(stage.label)
            }
        }
        // In the count's order of stages: the first listed is where they part.
        let order = Dictionary(countStages.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { first, _ in first })
        self.differences = differences.enumerated().sorted { lhs, rhs in
            let left = lhs.element.countStage.flatMap { order[$0] } ?? (lhs.element.stage == nil ? -1 : Int.max)
            let right = rhs.element.countStage.flatMap { order[$0] } ?? (rhs.element.stage == nil ? -1 : Int.max)
            return (left, lhs.offset) < (right, rhs.offset)
        }.map(\.element)
        self.compared = compared
        byStage = countStages.compactMap { stage in
            comparedAt[stage.label].map { (stage.label, $0, differences.filter { $0.countStage == stage.label }.count) }
        }
        self.unchecked = unchecked
        sheetPlaces = fewestPlaces
        let named = sheet.stages.compactMap(\.elected)
        let winners: [String]? = named.isEmpty ? nil : named.flatMap { $0 }
        sheetWinners = winners
        if differences.isEmpty {
            verdict = .identical
        } else if let winners {
            var indices = Set<Int>()
            for name in winners { indices.insert(try candidate(name, line: nil, stage: "")) }
            verdict = indices == Set(count.elected) ? .sameWinnersDifferentFigures : .differentWinners
        } else {
            verdict = .differentFigures
        }
    }

    /// Whether the count's figure is the sheet's: exactly, when the sheet gives at least the
    /// count's places; else at the sheet's places, the count's figure truncated or rounded half
    /// up (`coarser`: compared so).
    static func agrees(_ count: DecimalValue, _ sheet: PublishedStages.Figure) -> (agrees: Bool, coarser: Bool) {
        func power(_ exponent: Int) -> Int64 { (0..<exponent).reduce(Int64(1)) { value, _ in value * 10 } }
        if sheet.places >= count.places {
            let (scaled, overflow) = count.units.multipliedReportingOverflow(by: power(sheet.places - count.places))
            return (!overflow && scaled == sheet.units, false)
        }
        let divisor = power(count.places - sheet.places)
        let truncated = count.units / divisor
        let rounded = (count.units + divisor / 2) / divisor
        return (sheet.units == truncated || sheet.units == rounded, true)
    }

    public static func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }

    /// A stage of the count as the sheet is checked against it.
    struct CountStage {
        let label: String
        let votes: (Int) -> DecimalValue
        let nonTransferable: DecimalValue?
        let exhausted: DecimalValue?
        let quota: DecimalValue?
        let elected: [Int]
        let excluded: [Int]
        let surplus: Int?
    }

    static func stages(of count: CountResult) -> [CountStage] {
        switch count {
        case let .stv(record):
            return record.stages.map { stage in
                let surplus: Int? = if case let .surplus(transfer) = stage.event { transfer.candidate } else { nil }
                return CountStage(
                    label: stage.label, votes: { stage.votes[$0] }, nonTransferable: stage.nonTransferable, exhausted: stage.exhausted,
                    quota: stage.quota, elected: stage.elected, excluded: stage.excluded, surplus: surplus
                )
            }
        case let .block(record):
            return [CountStage(
                label: "1", votes: { DecimalValue(units: record.votes[$0], places: 0) }, nonTransferable: nil, exhausted: nil, quota: nil,
                elected: record.elected, excluded: [], surplus: nil
            )]
        }
    }

    static func seats(of count: CountResult) -> Int {
        switch count {
        case let .stv(record): record.seats
        case let .block(record): record.seats
        }
    }

    static func quota(of count: CountResult) -> DecimalValue? {
        if case let .stv(record) = count { record.quota } else { nil }
    }
}

extension Election {
    /// Counts the request's ballots and checks the sheet at `sheetPath` against the count. The
    /// sheet's seats are used when the request and the ballot file give none.
    public static func verify(_ request: CountRequest, against sheetPath: String) throws(ElectionFailure) -> Verification {
        let sheet: PublishedStages
        do {
            sheet = try PublishedStages.load(path: sheetPath)
        } catch {
            throw ElectionFailure(error)
        }
        let ballots = try BallotPreparation.prepare(request.ballots)
        let seats = request.seats ?? ballots.profile.seats ?? sheet.seats
        guard let seats else {
            throw ElectionFailure(.request, "neither \(ballots.path) nor \(sheetPath) states the number of seats; give --seats N")
        }
        let count = try Election.count(
            ballots, seats: seats, method: request.method, minimums: request.ballots.minimums, ties: try request.ties.breaker(for: ballots.profile),
            context: ballots.path, seatsAskedFor: request.seats != nil
        )
        return try Verification(ballots: ballots, sheet: sheet, count: count)
    }
}
