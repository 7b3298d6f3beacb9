/// What one simulated election gave, by each method.
public struct TrialOutcome: Sendable, Equatable {
    /// First preferences per group (slates, then independents), over every section.
    public var firstPreferences: [Int64]
    /// Voters per bloc, over every section.
    public var votersByBloc: [Int]
    /// Seats per group, by method (`SimulatedMethod.allCases` order).
    public var seats: [[Int]]
    /// Elected candidates (scenario indices), by method.
    public var elected: [[Int]]
    /// Gallagher index in hundredths of a point, by method (first preferences against seats,
    /// by group, over the whole election).
    public var gallagher: [Int64]
    /// Loosemore–Hanby index in hundredths of a point, by method.
    public var loosemoreHanby: [Int64]
}
