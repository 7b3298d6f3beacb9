import TallyModel

/// What the small side files (candidate attributes, published totals) share: a header row whose
/// names are matched like candidate names, and errors located at a cell of the row last read.
extension CSVRowParser {
    /// The header row's cells in matching form (`Candidate.matchingKey`), after any empty lines;
    /// an error naming `example` when the file has no rows.
    mutating func matchingHeader(file: String, example: String) throws -> [String] {
        repeat {
            guard try nextRow() else {
                throw BallotFileError(file: file, line: 1, column: 1, message: "the file is empty; expected a header such as '\(example)'")
            }
        } while isEmptyLine
        try checkCellLengths(file: file)
        return fields.map { Candidate.matchingKey(for: string($0)) }
    }

    /// Refuses a cell of the row last read longer than `Candidate.maximumNameBytes`: every cell
    /// of these files is a name, a category or a number.
    func checkCellLengths(file: String) throws(BallotFileError) {
        for (column, field) in fields.enumerated() where field.range.count > Candidate.maximumNameBytes {
            throw error(atColumn: column, file: file, "expected at most \(Candidate.maximumNameBytes) bytes in a cell; found \(field.range.count)")
        }
    }

    /// An error at cell `column` of the row last read (its start, if the row is shorter).
    func error(atColumn column: Int, file: String, _ message: String) -> BallotFileError {
        let offset = column < fields.count ? fields[column].range.lowerBound : rowLineStart
        let place = TextValidation.place(of: offset, in: bytes) // a row may span lines
        return BallotFileError(file: file, line: place.line, column: place.column, message: message)
    }

    /// A parse error of the text itself, as a located file error.
    func located(_ error: BallotFileError.Located, file: String) -> BallotFileError {
        let place = TextValidation.place(of: error.offset, in: bytes)
        return BallotFileError(file: file, line: place.line, column: place.column, message: error.message)
    }
}
