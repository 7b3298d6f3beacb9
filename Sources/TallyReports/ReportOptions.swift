import TallyCounting
import TallyElection

/// What a report shows beyond the record: the declaration fields, and whether the user chose the
/// seed of the tie-breaking draw (a lot drawn with the default seed is warned about).
public struct ReportOptions: Sendable, Equatable {
    public var declaration: Declaration
    /// True when `--seed` or `--tie-order` was given.
    public var seedChosen: Bool

    public init(declaration: Declaration = Declaration(), seedChosen: Bool = true) {
        self.declaration = declaration
        self.seedChosen = seedChosen
    }

    /// The warning for ties decided by lot with a seed nobody chose; nil when none was.
    public func lotWarning(_ ties: [TieDecision], seed: UInt64) -> String? {
        guard !seedChosen, ties.contains(where: { if case .seededDraw = $0.method { true } else { false } }) else { return nil }
        return "Decided by lot, seed \(seed) — give --seed or --tie-order to choose."
    }
}
