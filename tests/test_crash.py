"""Killed at random moments, stick loses nothing that was on disk (20 rounds here).

`python benchmarks/crash_soak.py --rounds 500` runs many more on demand.
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.crashkit import interview_round, leftover_temps, restart_clears_temps

ROUNDS = 20


def test_interview_killed_at_random_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(20261126)
    rounds = [interview_round(tmp_path, rng) for _ in range(ROUNDS)]
    assert sum(r.answers_seen for r in rounds) > 0, "the rounds must actually answer questions"
    assert all(r.answers_after >= r.answers_seen for r in rounds)
    restart_clears_temps(tmp_path)
    assert leftover_temps(tmp_path) == []
