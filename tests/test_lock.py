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
        lock_path(path).write_text(
            json.dumps(
                {
                    "user": "kim",
                    "host": __import__("socket").gethostname(),
                    "pid": holder.pid,
                    "since": "2026-11-26T09:00:00+00:00",
                    "program": "stick interview",
                }
            )
        )
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
    lock_path(path).write_text(
        json.dumps(
            {
                "user": "kim",
                "host": __import__("socket").gethostname(),
                "pid": dead.pid,
                "since": "2026-11-26T09:00:00+00:00",
                "program": "stick",
            }
        )
    )
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
    lock_path(path).write_text(
        json.dumps(
            {"user": "kim", "host": "another-pc", "pid": 1, "since": "2026-11-26T09:00:00+00:00", "program": "stick"}
        )
    )
    with pytest.raises(LockedError, match="kim on another-pc"):
        FileLock(path, "stick").acquire()
    assert lock_path(path).exists()


def test_start_up_sweep_clears_only_locks_of_dead_processes(tmp_path: Path) -> None:
    import os
    import socket
    import time

    from surveys.lock import clear_stale_locks

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    here = socket.gethostname()

    def lock(name: str, pid: int, host: str = here) -> Path:
        lock_path(tmp_path / name).write_text(
            json.dumps(
                {"user": "kim", "host": host, "pid": pid, "since": "2026-11-26T09:00:00+00:00", "program": "stick"}
            )
        )
        return lock_path(tmp_path / name)

    killed = lock("killed.toml", dead.pid)
    mine = lock("mine.toml", os.getpid())
    elsewhere = lock("elsewhere.toml", dead.pid, host="another-pc")
    fresh_torn = lock_path(tmp_path / "torn.toml")
    fresh_torn.write_text('{"user": "ki')
    old_torn = lock_path(tmp_path / "old.toml")
    old_torn.write_text("")
    long_ago = time.time() - 3600
    os.utime(old_torn, (long_ago, long_ago))

    assert sorted(clear_stale_locks(tmp_path)) == sorted([killed, old_torn])
    assert mine.exists() and elsewhere.exists() and fresh_torn.exists()
