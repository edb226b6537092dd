"""A file open in one interview is not written by a second one."""

from __future__ import annotations

from pathlib import Path

from surveys.locks.lock import lock_path
from tests.conftest import run_stick
from tests.lock_holders import held_lock, write_lock


def _new(stick_dir: Path) -> Path:
    made = run_stick(["new", "--org", "Locked PCT", "--respondent", "Kim"])
    assert made.returncode == 0, made.stderr
    return Path(made.stdout.strip())


def test_second_interview_is_refused_with_who_and_since(stick_dir: Path) -> None:
    path = _new(stick_dir)
    before = path.read_bytes()
    with held_lock(path, user="kim", program="stick"):
        done = run_stick(["interview", str(path), "--plain"], input="1\n2\n")
    assert done.returncode == 2
    assert "already open by kim" in done.stderr and "2026-11-26 09:00" in done.stderr
    assert path.read_bytes() == before


def test_lock_of_a_killed_interview_is_cleared_and_released_after(stick_dir: Path) -> None:
    path = _new(stick_dir)
    write_lock(path, pid=2**22 + 7, program="stick")
    done = run_stick(["interview", str(path), "--plain"], input="1\n")
    assert done.returncode == 0, done.stderr
    assert "choice = 1" in path.read_text(encoding="utf-8")
    assert not lock_path(path).exists(), "the lock goes when the interview ends"
