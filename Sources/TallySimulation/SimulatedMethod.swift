/// The two ways a simulated electorate is counted.
public enum SimulatedMethod: String, CaseIterable, Sendable {
    /// STV by the simulation's rule, with the section's minimums by guard and doom.
    case stv
    /// Block vote on each ballot's first N preferences (N = seats), with the minimums by
    /// displacement.
    case block
}
