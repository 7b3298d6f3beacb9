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
        return fields.map { Candidate.matchingKey(for: string($0)) }
    }

    /// An error at cell `column` of the row last read (its start, if the row is shorter).
    func error(atColumn column: Int, file: String, _ message: String) -> BallotFileError {
        let offset = column < fields.count ? fields[column].range.lowerBound : rowLineStart
        return BallotFileError(file: file, line: rowLine, column: ByteText.column(bytes, lineStart: rowLineStart, offset: offset), message: message)
    }

    /// A parse error of the text itself, as a located file error.
    func located(_ error: BallotFileError.Located, file: String) -> BallotFileError {
        BallotFileError(file: file, line: error.line, column: ByteText.column(bytes, lineStart: error.lineStart, offset: error.offset), message: error.message)
    }
}
