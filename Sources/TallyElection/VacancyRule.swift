import TallyCounting

/// How a casual vacancy is filled under each method, with the source of the rule
/// (docs/vacancies.md).
public enum VacancyRule: Sendable, Equatable {
    /// Block vote: the highest-placed candidate not elected.
    case blockPlacing
    /// STV: ERS97 7.1's recount, under the count's rule.
    case stvRecount(STVRule)

    public init(_ method: CountMethod) {
        switch method {
        case .block: self = .blockPlacing
        case let .stv(rule): self = .stvRecount(rule)
        }
    }

    /// The rule's short name and clause, e.g. "ERS97 7.1".
    public var clause: String {
        switch self {
        case .blockPlacing: "placing in the count"
        case .stvRecount(.ers97): "ERS97 7.1"
        case .stvRecount(.scottish): "ERS97 7.1, adopted for the Scottish rule"
        case .stvRecount(.meek): "ERS97 7.1, adopted for Meek"
        }
    }

    /// The rule in words, with its source.
    public var text: String {
        switch self {
        case .blockPlacing:
            "The seat goes to the highest-placed candidate not elected in the count, the minimums respected as the count respected them (displacement), ties as the count placed them. The practice of Labour's NEC: in March 2018 Eddie Izzard, best placed of the unsuccessful candidates of January 2018, took the seat Christine Shawcroft left."
        case .stvRecount(.ers97):
            "ERS97 7.1 (Electoral Reform Society, How to conduct an election by the Single Transferable Vote, 3rd edition, 1997): the papers are counted again, skipping the vacating member, never excluding the other members elected, until a new member is elected."
        case .stvRecount(.scottish):
            "Scottish councils fill a vacancy by a by-election, and the Scottish Local Government Elections Order 2007 has no recount rule; Tally adopts ERS97 7.1 (the papers counted again, skipping the vacating member, never excluding the other members elected, until a new member is elected), counted by the Scottish rules."
        case .stvRecount(.meek):
            "The Meek rule (Hill, Wichmann and Woodall 1987) has no vacancy clause; Tally adopts ERS97 7.1 (the papers counted again, skipping the vacating member, never excluding the other members elected, until a new member is elected), counted by Meek's method."
        }
    }
}
