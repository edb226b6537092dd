"""How a background reading of the folder shares the process with the screen.

A thread worker cannot be killed, and Python waits for it at exit, so the
folder readings ask between files whether to stop: when the app is quitting
(Textual cancels every worker) or what they were reading for has gone. The
same question is the moment to give the screen its turn: a parse holds the
interpreter lock, and sleeping for no time lets a waiting keypress run soon
rather than after the lock's 5 ms switch interval.

The turn is given once per TURN_SECONDS of reading, not after every file:
a sleep, even for no time, is a trip through the kernel's scheduler (about
0.1 ms here), and after each of 10,000 files answered from the folder index
it cost Home 1.1 s of its 1.9 s. A key waits at most TURN_SECONDS for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.worker import Worker

TURN_SECONDS = 0.002


def background_turn(
    worker: Worker[object],
    clock: Callable[[], float] = time.monotonic,
    pause: Callable[[float], None] = time.sleep,
) -> Callable[[], bool]:
    """A `cancelled` check for a folder reading in `worker`, giving the screen its turn as it goes."""
    last = clock()

    def cancelled() -> bool:
        nonlocal last
        now = clock()
        if now - last >= TURN_SECONDS:
            pause(0)
            last = clock()
        return worker.is_cancelled

    return cancelled
