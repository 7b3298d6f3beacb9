#!/usr/bin/env python3
"""Runs a command (its output discarded) and prints its CPU time (user + system, in seconds, to
the microsecond) and peak resident memory (KB), from the kernel's account of the child (wait4):
finer than /usr/bin/time's hundredths. Used by scripts/bench-floor.

    cputime.py COMMAND [ARGS...]
"""
import os
import sys

pid = os.fork()
if pid == 0:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit(f"cputime.py: {' '.join(sys.argv[1:])} exited with {os.waitstatus_to_exitcode(status)}")
print(f"{usage.ru_utime + usage.ru_stime:.6f} {usage.ru_maxrss}")
