"""`stick unlock FILE [--yes]`: break the lock of a stick that has stopped where this one cannot see it.

A stick that dies frees its lock by itself, wherever the file server keeps
OS locks. This is for the rest: a PC that crashed while holding a file on a
share that still thinks it is open. It asks first (or takes --yes), refuses a
lock a running stick on this machine holds, and records the break in the file.
"""

from __future__ import annotations

import argparse
import sys

from surveys.errors import StickError
from surveys.locks.lock_break import BROKEN_KEY, break_lock, current_holder, held_here_by_a_live_stick


def run(args: argparse.Namespace) -> int:
    path = args.file
    if not path.is_file():
        raise StickError(f"{path}: no such assessment file")
    holder = current_holder(path)
    if holder is None:
        print(f"{path}: not open anywhere; nothing to unlock")
        return 0
    if held_here_by_a_live_stick(holder):
        raise StickError(f"{path}: open in a running stick on this machine (process {holder.pid}): close it there")
    if not args.yes:
        if not (sys.stdin is not None and sys.stdin.isatty()):
            raise StickError(f"{path}: already open by {holder.describe()}; to break the lock, add --yes")
        print(f"{path.name} is open by {holder.describe()}.")
        print("Break the lock only if that stick has stopped (its PC crashed or lost the share).")
        print("If it is still running, it will not be able to save over the file afterwards.")
        if input("Break the lock? [y/N] ").strip().lower() not in ("y", "yes"):
            print("Left as it was.")
            return 0
    broken = break_lock(path)
    print(f"{path}: the lock of {broken.describe()} is broken (recorded in the file under {BROKEN_KEY})")
    return 0
