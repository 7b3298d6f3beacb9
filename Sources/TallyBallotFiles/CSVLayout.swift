/// How a CSV ballot file arranges a ballot in its row.
public enum CSVLayout: String, Sendable, CaseIterable {
    /// Columns `rank1, rank2, …` (or `1, 2, …`, `Preference 1`, `1st choice`) hold candidate names;
    /// a blank cell ends the ranking.
    case rankColumns = "ranks"
    /// One column per candidate, named in the header; cells hold rank numbers or marks.
    case candidateColumns = "candidates"
}

/// What the cells of a candidate-columns file hold.
public enum CSVCells: String, Sendable, CaseIterable {
    /// Rank numbers 1, 2, 3…; a number shared by two candidates ranks them equal.
    case ranks
    /// Marks without order (`X`, `1`, `yes`, `✓`): every marked candidate gets a vote.
    case marks
}

/// Choices for reading a CSV ballot file; every one is detected when left nil.
public struct CSVOptions: Sendable, Equatable {
    public var layout: CSVLayout?
    public var cells: CSVCells?
    /// Header of the column holding each row's weight (number of identical ballots).
    public var weightColumn: String?
    /// Header of the column holding a ballot or voter id (read, not counted).
    public var idColumn: String?
    /// Header of the column naming each ballot's region.
    public var regionColumn: String?

    public init(layout: CSVLayout? = nil, cells: CSVCells? = nil, weightColumn: String? = nil, idColumn: String? = nil, regionColumn: String? = nil) {
        self.layout = layout
        self.cells = cells
        self.weightColumn = weightColumn
        self.idColumn = idColumn
        self.regionColumn = regionColumn
    }
}
