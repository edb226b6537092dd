"""One writer per file: a second opener is told who has it; stale locks are cleared."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from surveys.lock import FileLock, LockedError, lock_path, read_holder


def test_second_opener_is_told_who_and_since_when(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("x = 1")
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock_path(path).write_text(json.dumps({
            "user": "kim", "host": __import__("socket").gethostname(), "pid": holder.pid,
            "since": "2026-11-26T09:00:00+00:00", "program": "stick interview"}))
        with pytest.raises(LockedError) as caught:
            FileLock(path, "stick").acquire()
        message = str(caught.value)
        assert "kim" in message and "2026-11-26 09:00" in message and "stick interview" in message
        assert path.read_text() == "x = 1"
    finally:
        holder.kill()
        holder.wait()


def test_lock_of_a_killed_process_is_cleared(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock_path(path).write_text(json.dumps({
        "user": "kim", "host": __import__("socket").gethostname(), "pid": dead.pid,
        "since": "2026-11-26T09:00:00+00:00", "program": "stick"}))
    with FileLock(path, "stick") as lock:
        assert lock.held
        holder = read_holder(path)
        assert holder is not None and holder.program == "stick" and holder.user != "kim"
    assert not lock_path(path).exists()


def test_half_written_lock_is_cleared(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    lock_path(path).write_text('{"user": "ki')
    with FileLock(path, "stick") as lock:
        assert lock.held


def test_lock_from_another_machine_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    lock_path(path).write_text(json.dumps({
        "user": "kim", "host": "another-pc", "pid": 1, "since": "2026-11-26T09:00:00+00:00", "program": "stick"}))
    with pytest.raises(LockedError, match="kim on another-pc"):
        FileLock(path, "stick").acquire()
    assert lock_path(path).exists()
