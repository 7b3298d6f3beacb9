import TallyArithmetic
import TallyCounting
import TallyModel

extension STVReport {
    /// The full record as JSON (docs/json.md).
    public func json() -> JSONValue {
        let header: [(String, JSONValue)] = [
            ("method", .string("stv")),
            ("rule", .string(record.rule.rawValue)),
            ("title", .optional(source.profile.title)),
            ("file", .string(source.path)),
            ("format", .string(source.format.rawValue)),
            ("region", .optional(source.region)),
            ("seats", .integer(Int64(record.seats))),
            ("decimal_places", .integer(Int64(record.rule.places))),
            ("valid_votes", .decimal(record.validVotes.description)),
            ("quota", .decimal(record.quota.description)),
        ]
        let candidates: [JSONValue] = source.profile.candidates.indices.map(candidateJSON)
        let body: [(String, JSONValue)] = [
            ("candidates", .array(candidates)),
            ("stages", .generated(count: record.stages.count) { [self] index in stageJSON(record.stages[index]) }),
            ("elected", .array(record.elected.map { .string(source.name($0)) })),
            ("ballots", ballotsJSON()),
            ("irregularities", IrregularitySection.json(source.profile.irregularities)),
            ("minimums", .array(record.minimums.map { .object([("category", .string($0.category)), ("at_least", .integer(Int64($0.count)))]) })),
            ("constraint_events", .array(record.constraintEvents.map { event in
                .object([
                    ("stage", .string(event.stage)),
                    ("kind", .string(event.kind.rawValue)),
                    ("candidate", .string(source.name(event.candidate))),
                    ("instead", event.instead.map { .string(source.name($0)) } ?? .null),
                    ("reason", .string(event.reason)),
                    ("text", .string(sentence(event))),
                ])
            })),
            ("ties", .array(record.ties.map { TieSection.json($0, source: source) })),
            ("seed", .string(String(record.seed))),
        ]
        return .object(header + body)
    }

    private func candidateJSON(_ candidate: Int) -> JSONValue {
        let order = record.elected.firstIndex(of: candidate)
        let status = record.stages.last?.status[candidate] ?? .continuing
        return .object([
            ("number", .integer(Int64(candidate + 1))),
            ("name", .string(source.name(candidate))),
            ("affiliation", .optional(source.profile.candidates[candidate].affiliation)),
            ("status", .string(status == .continuing ? "not elected" : status.rawValue)),
            ("elected_order", order.map { .integer(Int64($0 + 1)) } ?? .null),
        ])
    }

    private func stageJSON(_ stage: STVStage) -> JSONValue {
        let candidates: [JSONValue] = source.profile.candidates.indices.map { candidate in
            .object([
                ("name", .string(source.name(candidate))),
                ("transfer", .decimal(stage.transfers[candidate].description)),
                ("votes", .decimal(stage.votes[candidate].description)),
                ("status", .string(stage.status[candidate].rawValue)),
            ])
        }
        let members: [(String, JSONValue)] = [
            ("stage", .integer(Int64(stage.number))),
            ("sub_stage", stage.subStage.map { .integer(Int64($0)) } ?? .null),
            ("event", eventJSON(stage.event)),
            ("candidates", .array(candidates)),
            ("exhausted", .decimal(stage.exhausted.description)),
            ("lost_to_rounding", .decimal(stage.lostToRounding.description)),
            ("non_transferable", .decimal(stage.nonTransferable.description)),
            ("quota", .decimal(stage.quota.description)),
            ("elected", .array(stage.elected.map { .string(source.name($0)) })),
            ("elections", .array(stage.elections.map(electionJSON))),
            ("excluded", .array(stage.excluded.map { .string(source.name($0)) })),
            ("notes", .array(stage.notes.map(JSONValue.string))),
        ]
        return .object(members)
    }

    /// One election: the ground and clause, the figures that applied, and the reason in words.
    private func electionJSON(_ election: STVElection) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("candidate", .string(source.name(election.candidate))),
            ("votes", .decimal(election.votes.description)),
            ("quota", .decimal(election.quota.description)),
            ("below_quota", .bool(election.isBelowQuota)),
            ("clause", .string(record.rule.clausePrefix + election.clause)),
        ]
        switch election.ground {
        case .quota:
            members.append(("ground", .string("quota")))
        case let .activeVoteShare(threshold, activeVote, placesLeft):
            members.append(("ground", .string("active-vote-share")))
            members.append(("threshold", .decimal(threshold.description)))
            members.append(("active_vote", .decimal(activeVote.description)))
            members.append(("places_left", .integer(Int64(placesLeft))))
        case let .remainingPlaces(continuing, placesLeft):
            members.append(("ground", .string("remaining-places")))
            members.append(("continuing", .integer(Int64(continuing))))
            members.append(("places_left", .integer(Int64(placesLeft))))
        }
        members.append(("reason", .string(reason(election))))
        return .object(members)
    }

    private func eventJSON(_ event: STVEvent) -> JSONValue {
        switch event {
        case .firstPreferences:
            return .object([("type", .string("first-preferences"))])
        case let .surplus(transfer):
            return .object([
                ("type", .string("surplus")),
                ("candidate", .string(source.name(transfer.candidate))),
                ("surplus", .decimal(transfer.surplus.description)),
                ("last_parcel_only", .bool(transfer.lastParcelOnly)),
                ("papers_examined", .integer(transfer.papersExamined)),
                ("transferable_papers", .integer(transfer.transferablePapers)),
                ("transfer_values", .array(transfer.transferValues.map { .decimal($0.description) })),
                ("at_current_value", .bool(transfer.atCurrentValue)),
            ])
        case let .exclusion(candidates, batch):
            var members: [(String, JSONValue)] = [
                ("type", .string("exclusion")),
                ("candidates", .array(candidates.map { .string(source.name($0)) })),
            ]
            if let batch {
                members.append(("batch", .integer(Int64(batch.number))))
                members.append(("batches", .integer(Int64(batch.of))))
                members.append(("value", .decimal(batch.value.description)))
                members.append(("papers", .integer(batch.papers)))
            }
            return .object(members)
        case .remainingElected:
            return .object([("type", .string("remaining-elected"))])
        case let .meekRound(iterations, converged):
            return .object([("type", .string("meek-round")), ("iterations", .integer(Int64(iterations))), ("converged", .bool(converged))])
        }
    }

    private func ballotsJSON() -> JSONValue {
        .object([
            ("read", .integer(record.ballotsRead)),
            ("invalid_when_read", .integer(record.invalidAtReading)),
            ("invalid_equal_first_preferences", .integer(record.equalFirstPreferences.ballots)),
            ("invalid_equal_first_preferences_first_lines", .array(record.equalFirstPreferences.firstLines.map { .integer(Int64($0)) })),
            ("cut_at_equal_ranking", .integer(record.cutAtEqualRanking.ballots)),
            ("valid", .decimal(record.validVotes.description)),
        ])
    }

    /// One row per candidate per stage, then the exhausted, rounding and non-transferable rows.
    public func csv() -> String {
        var writer = CSVWriter(header: ["stage", "sub_stage", "event", "candidate", "transfer", "votes", "status"])
        for (index, stage) in record.stages.enumerated() {
            let number = String(stage.number)
            let sub = stage.subStage.map(String.init) ?? ""
            let event = eventName(stage.event)
            for candidate in source.profile.candidates.indices {
                writer.append([number, sub, event, source.name(candidate), stage.transfers[candidate].description, stage.votes[candidate].description, stage.status[candidate].rawValue])
            }
            let previous = index > 0 ? record.stages[index - 1] : nil
            func change(_ now: DecimalValue, _ before: DecimalValue?) -> String {
                DecimalValue(units: now.units - (before?.units ?? 0), places: now.places).description
            }
            writer.append([number, sub, event, "(exhausted)", change(stage.exhausted, previous?.exhausted), stage.exhausted.description, ""])
            writer.append([number, sub, event, "(lost to rounding)", change(stage.lostToRounding, previous?.lostToRounding), stage.lostToRounding.description, ""])
            writer.append([number, sub, event, "(non-transferable)", change(stage.nonTransferable, previous?.nonTransferable), stage.nonTransferable.description, ""])
        }
        return writer.text
    }

    private func eventName(_ event: STVEvent) -> String {
        switch event {
        case .firstPreferences: "first preferences"
        case let .surplus(transfer): "surplus of \(source.name(transfer.candidate))"
        case let .exclusion(candidates, _): "exclusion of \(source.names(candidates))"
        case .remainingElected: "remaining elected"
        case .meekRound: "meek round"
        }
    }
}
