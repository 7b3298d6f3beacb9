import TallyModel

/// What `tally check` prints: the file's candidates, ballot counts and irregularities.
public struct CheckReport: Sendable {
    public let source: ReportSource

    public init(source: ReportSource) { self.source = source }

    private var profile: BallotProfile { source.profile }

    /// Ballots (weighted) per region, in region order.
    private var ballotsPerRegion: [Int64] {
        var totals = Array(repeating: Int64(0), count: profile.regions.count)
        for ballot in profile.ballots { if let region = ballot.region { totals[region] += ballot.weight } }
        return totals
    }

    public func text() -> String {
        var output = TextWrap.lines("Ballot file: \(source.heading)", indent: "", hanging: 2)
        output += "Seats: \(profile.seats.map(String.init) ?? "not stated (give --seats when counting)")\n\n"
        var candidates = TextTable(columns: [.init("", .right), .init("Candidate"), .init("Affiliation"), .init("Status")])
        for (index, candidate) in profile.candidates.enumerated() {
            candidates.append([String(index + 1), candidate.name, candidate.affiliation ?? "", profile.withdrawn.contains(index) ? "withdrawn" : "standing"])
        }
        output += candidates.rendered() + "\n"
        var ballots = TextTable(columns: [.init("Ballots"), .init("Number", .right)])
        ballots.append(["ballot lines read", NumberFormatting.grouped(Int64(profile.ballotLines))])
        ballots.append(["ballots read", NumberFormatting.grouped(profile.ballotsRead)])
        ballots.append(["valid", NumberFormatting.grouped(profile.validBallots)])
        ballots.append(["invalid", NumberFormatting.grouped(profile.invalidBallots)])
        ballots.append(["distinct rankings", NumberFormatting.grouped(Int64(profile.ballots.count))])
        output += ballots.rendered() + "\n"
        if !profile.regions.isEmpty {
            var regions = TextTable(columns: [.init("Region"), .init("Valid ballots", .right)])
            for (name, total) in zip(profile.regions, ballotsPerRegion) { regions.append([name, NumberFormatting.grouped(total)]) }
            output += regions.rendered() + "\n"
        }
        output += IrregularitySection.text(profile.irregularities)
        return output
    }

    public func json() -> JSONValue {
        .object([
            ("file", .string(source.path)),
            ("format", .string(source.format.rawValue)),
            ("title", profile.title.map(JSONValue.string) ?? .null),
            ("seats", profile.seats.map { .integer(Int64($0)) } ?? .null),
            ("candidates", .array(profile.candidates.enumerated().map { index, candidate in
                .object([
                    ("number", .integer(Int64(index + 1))),
                    ("name", .string(candidate.name)),
                    ("affiliation", candidate.affiliation.map(JSONValue.string) ?? .null),
                    ("withdrawn", .bool(profile.withdrawn.contains(index))),
                ])
            })),
            ("ballots", .object([
                ("lines", .integer(Int64(profile.ballotLines))),
                ("read", .integer(profile.ballotsRead)),
                ("valid", .integer(profile.validBallots)),
                ("invalid", .integer(profile.invalidBallots)),
                ("distinct_rankings", .integer(Int64(profile.ballots.count))),
            ])),
            ("regions", .array(zip(profile.regions, ballotsPerRegion).map { name, total in
                .object([("name", .string(name)), ("valid_ballots", .integer(total))])
            })),
            ("irregularities", IrregularitySection.json(profile.irregularities)),
        ])
    }
}
