"""How a background reading of the folder shares the process with the screen.

A thread worker cannot be killed, and Python waits for it at exit, so the
folder readings ask between files whether to stop: when the app is quitting
(Textual cancels every worker) or what they were reading for has gone. The
same question is the moment to give the screen its turn: a parse holds the
interpreter lock, and sleeping for no time lets a waiting keypress run after
one file rather than after the lock's 5 ms switch interval.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.worker import Worker


def background_turn(worker: Worker[object]) -> Callable[[], bool]:
    """A `cancelled` check for a folder reading in `worker`."""

    def cancelled() -> bool:
        time.sleep(0)
        return worker.is_cancelled

    return cancelled
