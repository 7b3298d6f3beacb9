/// Exit statuses, from BSD's sysexits.h as command-line tools use them.
public enum ExitCode: Int32, Sendable {
    case success = 0
    /// `tally verify`: the sheet's figures differ from the count's, the winners the same (or not
    /// stated on the sheet).
    case differentFigures = 1
    /// `tally verify`: the sheet names other winners than the count.
    case differentWinners = 2
    /// EX_USAGE: the command was used wrongly (unknown option, missing value).
    case usage = 64
    /// EX_DATAERR: the input is malformed or cannot be counted as asked.
    case dataError = 65
    /// EX_NOINPUT: an input file is missing or unreadable.
    case noInput = 66
    /// EX_CANTCREAT: an output file cannot be written.
    case cannotCreate = 73
    /// EX_SOFTWARE: an internal error (a bug in Tally).
    case software = 70
}
