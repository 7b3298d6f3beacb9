import TallyModel
import TallySimulation

/// A scenario written back as a scenario file (docs/scenarios.md): what `simulate
/// --fit-block-totals --save-fit FILE` saves, so that the fitted electorates can be drawn again.
public enum ScenarioDocument {
    public static func json(_ scenario: Scenario, extraAssumption: String? = nil) -> JSONValue {
        func chance(_ value: Chance) -> JSONValue { .decimal(value.description) }
        func length(_ range: ClosedRange<Int>) -> JSONValue {
            range.count == 1 ? .integer(Int64(range.lowerBound)) : .object([("min", .integer(Int64(range.lowerBound))), ("max", .integer(Int64(range.upperBound)))])
        }
        func minimums(_ list: [Minimum]) -> JSONValue { .object(list.map { ($0.category, .integer(Int64($0.count))) }) }
        let regions = scenario.sections.count > 1
        var members: [(String, JSONValue)] = [
            ("title", .string(scenario.title)),
            ("sources", .array(scenario.sources.map(JSONValue.string))),
            ("assumptions", .array((scenario.assumptions + (extraAssumption.map { [$0] } ?? [])).map(JSONValue.string))),
            ("rule", .string(scenario.rule.rawValue)),
        ]
        if !regions {
            members.append(("seats", .integer(Int64(scenario.sections[0].seats))))
            if !scenario.sections[0].minimums.isEmpty { members.append(("minimums", minimums(scenario.sections[0].minimums))) }
        }
        members.append(("voters", .integer(Int64(scenario.voters))))
        members.append(("candidates", .array(scenario.candidates.map { candidate in
            var fields: [(String, JSONValue)] = [("name", .string(candidate.name)), ("popularity", .decimal(Chance.decimal(candidate.popularity)))]
            if !candidate.categories.isEmpty { fields.append(("categories", .array(candidate.categories.sorted().map(JSONValue.string)))) }
            if regions { fields.append(("region", .string(scenario.sections[candidate.section].name))) }
            return .object(fields)
        })))
        members.append(("slates", .array(scenario.slates.map { slate in
            .object([("name", .string(slate.name)), ("candidates", .array(slate.candidates.map { .string(scenario.candidates[$0].name) }))])
        })))
        members.append(("blocs", .array(scenario.blocs.map { bloc in
            var fields: [(String, JSONValue)] = [("name", .string(bloc.name))]
            if let slate = bloc.slate {
                fields += [("slate", .string(scenario.slates[slate].name)), ("share", chance(bloc.share)), ("cohesion", chance(bloc.cohesion)), ("loyalty", chance(bloc.loyalty)), ("discipline", chance(bloc.discipline))]
                if !bloc.next.isEmpty { fields.append(("next", .array(bloc.next.map { .string(scenario.slates[$0].name) }))) }
            } else {
                fields.append(("share", chance(bloc.share)))
            }
            fields.append(("ballot_length", length(bloc.ballotLength)))
            return .object(fields)
        })))
        if regions {
            members.append(("regions", .array(scenario.sections.map { section in
                var fields: [(String, JSONValue)] = [("name", .string(section.name)), ("seats", .integer(Int64(section.seats))), ("voters", .integer(Int64(section.voters)))]
                if !section.minimums.isEmpty { fields.append(("minimums", minimums(section.minimums))) }
                if let shares = section.shares {
                    fields.append(("shares", .object(zip(scenario.blocs, shares).map { ($0.name, chance($1)) })))
                }
                return .object(fields)
            })))
        }
        return .object(members)
    }
}
