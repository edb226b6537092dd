"""One writer per file: a second opener is told who has it; locks nobody holds are cleared."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from surveys.locks.lock import FileLock, LockedError, lock_path, read_holder
from surveys.locks.stale_sweep import clear_stale_locks
from tests.lock_holders import dead_pid, held_lock, write_lock


def _age(path: Path, seconds: float = 3600) -> None:
    long_ago = time.time() - seconds
    os.utime(path, (long_ago, long_ago))


def test_second_opener_is_told_who_and_since_when(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("x = 1")
    with held_lock(path, user="kim", program="stick interview"), pytest.raises(LockedError) as caught:
        FileLock(path, "stick").acquire()
    message = str(caught.value)
    assert "kim" in message and "2026-11-26 09:00" in message and "stick interview" in message
    assert path.read_text() == "x = 1"


def test_lock_of_a_killed_process_is_cleared(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    write_lock(path, pid=dead_pid(), program="stick")
    with FileLock(path, "stick") as lock:
        assert lock.held
        holder = read_holder(path)
        assert holder is not None and holder.program == "stick" and holder.user != "kim"
    assert not lock_path(path).exists()


def test_half_written_lock_is_left_while_young_and_cleared_once_old(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    lock_path(path).write_text('{"user": "ki')
    with pytest.raises(LockedError, match="someone unknown"):
        FileLock(path, "stick", patience=0).acquire()  # it may be being written right now
    _age(lock_path(path))
    with FileLock(path, "stick") as lock:
        assert lock.held


def test_lock_from_another_machine_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    with held_lock(path, host="another-pc", pid=1):
        with pytest.raises(LockedError, match="kim on another-pc"):
            FileLock(path, "stick").acquire()
        assert lock_path(path).exists()


def test_the_lock_of_a_symlink_is_its_targets(tmp_path: Path) -> None:
    target = tmp_path / "real" / "a.toml"
    target.parent.mkdir()
    target.write_text("x = 1")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    assert lock_path(link) == lock_path(target) == target.with_name(".a.toml.lock")
    with FileLock(link, "stick"):
        holder = read_holder(target)
        assert holder is not None and holder.pid == os.getpid()
    with held_lock(target), pytest.raises(LockedError, match="kim"):
        FileLock(link, "stick").acquire()


def test_start_up_sweep_clears_only_stick_locks_nobody_holds(tmp_path: Path) -> None:
    killed = write_lock(tmp_path / "killed.toml", pid=dead_pid())
    elsewhere_gone = write_lock(tmp_path / "gone.toml", host="another-pc", pid=7)
    fresh_torn = lock_path(tmp_path / "torn.toml")
    fresh_torn.write_text('{"user": "ki')
    old_torn = lock_path(tmp_path / "old.toml")
    old_torn.write_text("")
    _age(old_torn)
    not_ours = [tmp_path / ".backup-job.lock", tmp_path / ".sync.lock"]
    for other in not_ours:
        other.write_text("")
        _age(other)
    with held_lock(tmp_path / "held.toml"), held_lock(tmp_path / "elsewhere.toml", host="another-pc", pid=7):
        with FileLock(tmp_path / "mine.toml", "stick"):
            removed = clear_stale_locks(tmp_path)
            assert lock_path(tmp_path / "mine.toml").exists()
        assert lock_path(tmp_path / "held.toml").exists() and lock_path(tmp_path / "elsewhere.toml").exists()
    assert sorted(removed) == sorted([killed, elsewhere_gone, old_torn])
    assert fresh_torn.exists() and all(other.exists() for other in not_ours)
