"""A folder reading gives the screen its turn every few milliseconds, not after every file."""

from __future__ import annotations

from typing import cast

from textual.worker import Worker

from tui.app.background import TURN_SECONDS, background_turn


class _Worker:
    is_cancelled = False


def test_the_turn_is_given_once_per_turn_of_reading_not_per_file() -> None:
    # Seen: a sleep after each of 10,000 files answered from the index cost Home 1.1 s of 1.9 s.
    now = [0.0]
    pauses: list[float] = []

    def clock() -> float:
        now[0] += 0.0001  # each file answered from the index: a tenth of a millisecond
        return now[0]

    cancelled = background_turn(cast(Worker[object], _Worker()), clock, pauses.append)
    for _ in range(10_000):
        assert not cancelled()
    reading = now[0]
    assert len(pauses) <= reading / TURN_SECONDS + 1  # about one turn per TURN_SECONDS
    assert len(pauses) >= reading / TURN_SECONDS / 3  # and the screen does get its turns


def test_a_slow_file_gives_the_turn_straight_after_it() -> None:
    # A parse that held the lock for 30 ms: the next question gives the screen its turn at once.
    times = iter([0.0, 0.030, 0.030, 0.031])
    pauses: list[float] = []
    cancelled = background_turn(cast(Worker[object], _Worker()), lambda: next(times), pauses.append)
    cancelled()
    assert pauses == [0]


def test_cancelling_is_seen_at_the_next_file() -> None:
    worker = _Worker()
    cancelled = background_turn(cast(Worker[object], worker), lambda: 0.0, lambda _: None)
    assert not cancelled()
    worker.is_cancelled = True
    assert cancelled()
