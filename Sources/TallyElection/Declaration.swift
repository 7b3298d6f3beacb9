/// What a returning officer adds to a published result: who ran the election, who declares it,
/// when, and the words of the declaration. Each part is optional; reports print those given.
public struct Declaration: Sendable, Equatable {
    public var organisation: String?
    public var returningOfficer: String?
    /// The date as the user gives it (printed as written).
    public var date: String?
    /// The declaration sentence, e.g. "I declare the following candidates duly elected."
    public var statement: String?

    public init(organisation: String? = nil, returningOfficer: String? = nil, date: String? = nil, statement: String? = nil) {
        self.organisation = organisation
        self.returningOfficer = returningOfficer
        self.date = date
        self.statement = statement
    }

    public var isEmpty: Bool { organisation == nil && returningOfficer == nil && date == nil && statement == nil }

    /// The parts of `other` that are given, over this one's.
    public func overridden(by other: Declaration) -> Declaration {
        Declaration(
            organisation: other.organisation ?? organisation, returningOfficer: other.returningOfficer ?? returningOfficer,
            date: other.date ?? date, statement: other.statement ?? statement
        )
    }
}
