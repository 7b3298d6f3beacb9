#!/usr/bin/env python3
"""Counts a rank-column ballot CSV with pyrankvote (https://pypi.org/project/pyrankvote/) and
prints the winners, for scripts/bench-pyrankvote: the whole process (reading the file into
pyrankvote's Ballot objects and counting) is what that script times, as it times all of
`tally count`.

    pyrankvote_count.py FILE stv|block [SEATS]        (SEATS default 6)

FILE is laid out as tally-benchmark's realistic-*.csv: a header `voter id,NAME,NAME,...`, then
one row per ballot, a voter id (ignored) and under each candidate a rank number (1, 2, ...) or
an empty cell. Each ballot becomes a pyrankvote Ballot of its candidates in rank order. A row
with no rank at all is skipped (Tally counts it as invalid, giving no vote); two candidates at
one rank are refused (pyrankvote has no equal rankings).

stv:   pyrankvote.single_transferable_vote(candidates, ballots, number_of_seats=SEATS)
block: pyrankvote.preferential_block_voting(candidates, ballots, number_of_seats=SEATS):
       pyrankvote has no plain block vote (multi-member plurality), only this method, in which
       each ballot's first SEATS preferences get a vote each, candidates are elected on a
       majority of ballots, and the last candidate is excluded round by round with the votes
       moved on to later preferences. Its majority is half the ballots that rank at least SEATS
       candidates, and everyone over it is elected at once, even past SEATS: on truncated
       ballots it can elect more than SEATS (this file: all 12 for 6 seats, in round one).
       See scripts/bench-pyrankvote.
"""
import csv
import sys

import pyrankvote
from pyrankvote import Ballot, Candidate


def read_ballots(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = csv.reader(f)
        header = next(rows)
        candidates = [Candidate(name) for name in header[1:]]
        ballots = []
        for line, row in enumerate(rows, start=2):
            marks = sorted((int(cell), column) for column, cell in enumerate(row[1:]) if cell)
            if not marks:
                continue
            if len({rank for rank, _ in marks}) != len(marks):
                sys.exit(f"pyrankvote_count.py: {path}:{line}: equal ranks (pyrankvote has none)")
            ballots.append(Ballot(ranked_candidates=[candidates[column] for _, column in marks]))
    return candidates, ballots


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[2] not in ("stv", "block"):
        sys.exit(__doc__)
    path, method = sys.argv[1], sys.argv[2]
    seats = int(sys.argv[3]) if len(sys.argv) == 4 else 6
    candidates, ballots = read_ballots(path)
    if method == "stv":
        result = pyrankvote.single_transferable_vote(candidates, ballots, number_of_seats=seats)
    else:
        result = pyrankvote.preferential_block_voting(candidates, ballots, number_of_seats=seats)
    print(f"pyrankvote {method}: {len(ballots)} ballots, {seats} seats")
    winners = result.get_winners()
    print("Elected: " + ", ".join(c.name for c in winners))
    if len(winners) != seats:
        print(f"Note: pyrankvote elected {len(winners)} candidates for {seats} seats")


if __name__ == "__main__":
    main()
