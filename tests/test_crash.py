"""Killed at random moments, stick loses nothing that was on disk (20 rounds of each front end here).

`python benchmarks/crash_soak.py --rounds 500` runs many more on demand.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from surveys.files.atomic import TEMP_SUFFIX, host_tag
from tests.crashkit import (
    app_restart_clears,
    app_round,
    interview_round,
    leftover_locks,
    leftover_temps,
    restart_clears_temps,
)

pytestmark = pytest.mark.slow

ROUNDS = 20


def test_interview_killed_at_random_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(20261126)
    rounds = [interview_round(tmp_path, rng) for _ in range(ROUNDS)]
    assert sum(r.answers_seen for r in rounds) > 0, "the rounds must actually answer questions"
    assert all(r.answers_after >= r.answers_seen for r in rounds)
    restart_clears_temps(tmp_path)
    assert leftover_temps(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="drives the app in a POSIX pseudo-terminal")
def test_app_killed_at_random_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(20261127)
    rounds = [app_round(tmp_path, rng) for _ in range(ROUNDS)]
    assert sum(r.answers_seen for r in rounds) > 0, "the rounds must actually answer questions"
    assert all(r.answers_after >= r.answers_seen for r in rounds)
    assert leftover_locks(tmp_path), "each kill leaves its lock behind, for the restart to clear"
    # A kill mid-save is rare in 20 rounds: leave one temp as such a kill would.
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / f".Crash-PCT.toml.{host_tag()}.{dead.pid}-x1y2{TEMP_SUFFIX}").write_bytes(b"answers = {")
    app_restart_clears(tmp_path)
    assert leftover_temps(tmp_path) == []
    assert leftover_locks(tmp_path) == []
