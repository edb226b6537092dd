"""`stick unlock`: a person breaks a lock held from a machine that has gone, asked first and recorded."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from surveys.files.response_file import load_assessment
from surveys.locks.lock import lock_path
from tests.conftest import ROOT, child_pythonpath, run_stick
from tests.lock_holders import held_lock


def _new() -> Path:
    made = run_stick(["new", "--org", "Unlock PCT", "--respondent", "Kim"])
    assert made.returncode == 0, made.stderr
    return Path(made.stdout.strip())


def test_a_lock_from_another_machine_is_broken_with_yes_and_recorded(stick_dir: Path) -> None:
    path = _new()
    with held_lock(path, user="kim", host="crashed-pc"):
        refused = run_stick(["unlock", str(path)], input="y\n")
        assert refused.returncode == 2 and "add --yes" in refused.stderr and refused.stderr.count("\n") == 1
        done = run_stick(["unlock", str(path), "--yes"])
        assert done.returncode == 0, done.stderr
        assert "kim on crashed-pc" in done.stdout
        assert not lock_path(path).exists()
        record = load_assessment(path).extra["lock_broken"]
        assert len(record) == 1 and "kim on crashed-pc" in record[0]["holder"]
        answered = run_stick(["interview", str(path), "--plain"], input="1\n")
        assert answered.returncode == 0, answered.stderr


def test_a_lock_a_running_stick_here_holds_is_not_broken(stick_dir: Path) -> None:
    path = _new()
    before = path.read_bytes()
    with held_lock(path, user="kim"):
        done = run_stick(["unlock", str(path), "--yes"])
        assert done.returncode == 2 and "close it there" in done.stderr
        assert lock_path(path).exists() and path.read_bytes() == before


def test_an_unreadable_lock_can_be_broken(stick_dir: Path) -> None:
    path = _new()
    os.mkfifo(lock_path(path))
    done = run_stick(["unlock", str(path), "--yes"], timeout=20)
    assert done.returncode == 0, done.stderr
    assert "someone unknown" in done.stdout and not os.path.lexists(lock_path(path))


def test_nothing_to_unlock_says_so(stick_dir: Path) -> None:
    path = _new()
    done = run_stick(["unlock", str(path)])
    assert done.returncode == 0 and "nothing to unlock" in done.stdout


def test_the_stick_whose_lock_was_broken_cannot_save_over_the_file(stick_dir: Path) -> None:
    path = _new()
    env = {**os.environ, "PYTHONPATH": child_pythonpath(), "PYTHONIOENCODING": "utf-8", "STICK_HOST": "pc-a"}
    interview = subprocess.Popen(
        [sys.executable, "-m", "tui", "interview", str(path), "--plain"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert interview.stdin is not None and interview.stderr is not None
    interview.stdin.write("1\n")
    interview.stdin.flush()
    end = time.monotonic() + 30
    while not load_assessment(path).answers:
        assert time.monotonic() < end
        time.sleep(0.02)
    broke = run_stick(["unlock", str(path), "--yes"], env={"STICK_HOST": "pc-b"})
    assert broke.returncode == 0, broke.stderr
    interview.stdin.write("2\n")
    interview.stdin.close()
    assert interview.wait(timeout=30) == 2
    assert "changed on disk" in interview.stderr.read()
    interview.stderr.close()
    saved = load_assessment(path)
    assert len(saved.answers) == 1 and "lock_broken" in saved.extra
