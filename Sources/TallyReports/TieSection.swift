import TallyCounting

/// How reports describe tie decisions.
enum TieSection {
    static func sentence(_ decision: TieDecision, source: ReportSource) -> String {
        let how = switch decision.method {
        case .explicitOrder: "by the order given"
        case let .seededDraw(seed, draw): "by seeded draw no. \(draw) (seed \(seed))"
        case let .earlierStages(direction, stage): "by the votes at stage \(stage) (looking \(direction.rawValue) through earlier stages)"
        }
        return "Tie for \(decision.question) between \(source.names(decision.candidates)): decided \(how); order of favour \(source.names(decision.order))."
    }

    static func json(_ decision: TieDecision, source: ReportSource) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("question", .string(decision.question)),
            ("candidates", .array(decision.candidates.map { .string(source.name($0)) })),
            ("order", .array(decision.order.map { .string(source.name($0)) })),
        ]
        switch decision.method {
        case .explicitOrder:
            members.append(("method", .string("explicit-order")))
        case let .seededDraw(seed, draw):
            members.append(("method", .string("seeded-draw")))
            members.append(("seed", .string(String(seed))))
            members.append(("draw", .integer(Int64(draw))))
        case let .earlierStages(direction, stage):
            members.append(("method", .string("earlier-stages-\(direction.rawValue)")))
            members.append(("stage", .string(stage)))
        }
        return .object(members)
    }
}
