"""Kill a running stick (interview or app) at random moments and check that nothing on disk was lost.

Used by tests/test_crash.py (a few rounds in every run) and by
benchmarks/crash_soak.py (hundreds, on demand).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from surveys.files.atomic import TEMP_SUFFIX
from surveys.files.response_file import load_assessment
from surveys.locks.lock import lock_path
from tests.conftest import ROOT, child_pythonpath

# Keys for the app: choose 1 or 2, don't know, enter (chooses the highlighted
# option, or saves a typed text answer), and the right arrow (skip a question).
APP_KEYS = ["1", "2", "d", "\r", "\x1b[C"]

# Valid for every question of the built-in instrument: each choice has at
# least 2 options, and a text question takes the line as its answer.
LINES = ["1", "2", "d", "s", "1 a note", "2 =SUM(A1) سلام"]


@dataclass
class Round:
    lines_sent: int
    answers_seen: int
    answers_after: int


def _on_disk(path: Path) -> dict[str, Any] | None:
    """The answers in the file now, or None if it is mid-replace (it never is: atomic)."""
    try:
        return dict(tomllib.loads(path.read_text(encoding="utf-8")).get("answers", {}))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None


def _new_file(folder: Path) -> Path:
    env = {**os.environ, "PYTHONPATH": child_pythonpath(), "STICK_DIR": str(folder)}
    made = subprocess.run(
        [sys.executable, "-m", "tui", "new", "--org", "Crash PCT", "--respondent", "Kim"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    return Path(made.stdout.strip())


def interview_round(folder: Path, rng: random.Random) -> Round:
    """Answer a random number of questions through --plain, kill -9 at a random moment."""
    path = _new_file(folder)
    env = {**os.environ, "PYTHONPATH": child_pythonpath(), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "interview", str(path), "--plain"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdin is not None
    if rng.random() >= 0.1:
        # On a busy machine a start can outlast every line sent, and no round
        # would kill while answering; one round in ten still kills during start.
        _wait_for_lock(path, proc)
    seen: dict[str, Any] = {}
    sent = 0
    kill_after = rng.randint(0, 30)
    try:
        while sent < kill_after:
            proc.stdin.write((rng.choice(LINES) + "\n").encode("utf-8"))
            proc.stdin.flush()
            sent += 1
            # Sometimes wait for the save, sometimes race it: the kill may land mid-write.
            if rng.random() < 0.5:
                time.sleep(rng.uniform(0, 0.02))
            answers = _on_disk(path)
            assert answers is not None, "a reader saw a broken file while stick was saving"
            seen = answers
    except BrokenPipeError:
        pass
    time.sleep(rng.uniform(0, 0.01))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return Round(sent, len(seen), _check_kept(path, seen))


def _wait_for_lock(path: Path, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    """Until the interview holds the file's lock, which it takes just before the first question."""
    end = time.monotonic() + timeout
    while not lock_path(path).exists():
        assert proc.poll() is None and time.monotonic() < end, "the interview never started"
        time.sleep(0.01)


def leftover_temps(folder: Path) -> list[Path]:
    return list(folder.glob(f".*{TEMP_SUFFIX}"))


def restart_clears_temps(folder: Path) -> None:
    """A fresh start of the interview on each file clears what a kill left behind."""
    env = {**os.environ, "PYTHONPATH": child_pythonpath()}
    for path in folder.glob("*.toml"):
        subprocess.run(
            [sys.executable, "-m", "tui", "interview", str(path), "--plain"],
            input=b"",
            capture_output=True,
            env=env,
            cwd=ROOT,
            check=True,
            timeout=60,
        )


def _check_kept(path: Path, seen: dict[str, Any]) -> int:
    """The file loads and holds every answer seen on disk before the kill; returns how many it holds."""
    after = load_assessment(path)  # raises if the kill left a broken file
    on_disk = _on_disk(path)
    assert on_disk is not None
    for qid, answer in seen.items():
        assert on_disk.get(qid) == answer, f"answer to {qid} lost or changed by the kill"
    return len(after.answers)


def app_round(folder: Path, rng: random.Random) -> Round:
    """Answer with keys in the real app in a pseudo-terminal, kill -9 at a random moment.

    One round in ten is killed while the app is still starting (sweeping,
    locking, drawing); the rest after a random number of keys, sometimes at
    once after a key, while its answer is being saved.
    """
    from tests.app_pty import AppInPty

    path = _new_file(folder)
    term = AppInPty([str(path)])
    seen: dict[str, Any] = {}
    sent = 0
    if rng.random() < 0.1:
        time.sleep(rng.uniform(0, 0.6))
    else:
        term.wait_for("Question ")
        kill_after = rng.randint(0, 30)
        while sent < kill_after:
            term.type(rng.choice(APP_KEYS))
            sent += 1
            pause = rng.random()
            # Mostly faster than the app can redraw (keys queue up, the kill lands mid-work);
            # sometimes slow enough for the saves to catch up, so much is on disk to lose.
            if pause < 0.3:
                time.sleep(rng.uniform(0.02, 0.15))
            elif pause < 0.6:
                time.sleep(rng.uniform(0, 0.02))
            answers = _on_disk(path)
            assert answers is not None, "a reader saw a broken file while the app was saving"
            seen = answers
        time.sleep(rng.choice([0.0, rng.uniform(0, 0.002), rng.uniform(0, 0.02)]))
    term.kill()
    return Round(sent, len(seen), _check_kept(path, seen))


def leftover_locks(folder: Path) -> list[Path]:
    return list(folder.glob(".*.lock"))


def app_restart_clears(folder: Path) -> None:
    """Starting the app on the folder clears the temps and locks the kills left, then it quits cleanly."""
    from tests.app_pty import AppInPty

    term = AppInPty(["--dir", str(folder)])
    term.wait_for("assessments in")
    term.type("\x11")  # ctrl+q
    code = term.close()
    assert code == 0, term.output[-400:]
