/// Which way a rule looks through earlier stages to split candidates who are equal now.
public enum HistoryDirection: String, Sendable, Equatable {
    /// From the first stage onwards: the first stage where they differed decides (ERS97 5.2.3).
    case forwards
    /// From the most recent stage back: the latest stage where they differed decides
    /// (SSI 2007/42 rules 49 and 50).
    case backwards
}
