"""On a shared folder: one writer at a time, for real processes racing, whatever the lock file holds."""

from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from surveys.errors import StickError
from surveys.locks.lock import FileLock, LockedError, lock_path, read_holder
from tests.conftest import ROOT, child_pythonpath, run_stick
from tests.lock_holders import dead_pid, held_lock, lock_body, write_lock

# Each racer tries the lock again and again; while it holds it, it bumps a shared
# counter (read, pause, write) and logs when its hold began and ended.
_RACER = """
import os, sys, time
from pathlib import Path
from surveys.errors import StickError
from surveys.locks.lock import FileLock
path, log, counter, tries = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
print("ready", flush=True)
sys.stdin.readline()
for _ in range(tries):
    lock = FileLock(path, "racer", patience=0)
    try:
        lock.acquire()
    except StickError:
        continue
    began = time.monotonic_ns()
    seen = int(counter.read_text() or "0")
    time.sleep(0.0003)
    counter.write_text(str(seen + 1))
    ended = time.monotonic_ns()
    with open(log, "a") as out:
        out.write(f"{os.getpid()} {began} {ended}\\n")
    lock.release()
"""

RACERS = 4
TRIES = 150


def test_racing_processes_never_hold_the_lock_together(tmp_path: Path) -> None:
    path, log, counter = tmp_path / "a.toml", tmp_path / "holds.log", tmp_path / "counter"
    path.write_text("x = 1")
    counter.write_text("0")
    env = {**os.environ, "PYTHONPATH": child_pythonpath()}
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", _RACER, str(path), str(log), str(counter), str(TRIES)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for _ in range(RACERS)
    ]
    for racer in racers:  # all started, then all let go at once
        assert racer.stdout is not None and racer.stdout.readline().strip() == "ready"
    for racer in racers:
        assert racer.stdin is not None
        racer.stdin.write("go\n")
        racer.stdin.close()
    for racer in racers:
        assert racer.wait(timeout=60) == 0
        assert racer.stdout is not None
        racer.stdout.close()
    holds = sorted(tuple(int(n) for n in line.split()[1:]) for line in log.read_text().splitlines())
    assert len(holds) >= 50, "the racers must actually take the lock"
    assert len({line.split()[0] for line in log.read_text().splitlines()}) > 1, "more than one racer must win"
    overlaps = sum(1 for (_, end), (start, _) in itertools.pairwise(holds) if start < end)
    assert overlaps == 0, f"{overlaps} of {len(holds)} holds overlapped another"
    assert int(counter.read_text()) == len(holds), "a bump was lost: two holders at once"
    assert not lock_path(path).exists()


def _interview(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "interview", str(path), "--plain"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": child_pythonpath(), "PYTHONIOENCODING": "utf-8"},
        cwd=ROOT,
    )


@pytest.mark.parametrize("round_", range(2))
def test_six_interviews_started_at_once_one_writes_and_nothing_is_lost(stick_dir: Path, round_: int) -> None:
    made = run_stick(["new", "--org", "Race PCT", "--respondent", "Kim"])
    path = Path(made.stdout.strip())
    six = [_interview(path) for _ in range(6)]
    for interview in six:
        assert interview.stdin is not None
        interview.stdin.write("1\n2\n1\n2\n")
        interview.stdin.flush()
    end = time.monotonic() + 60
    while sum(i.poll() is not None for i in six) < 5 and time.monotonic() < end:
        time.sleep(0.02)  # the ones refused stop at once; the one with the lock waits for more
    for interview in six:
        assert interview.stdin is not None
        interview.stdin.close()
    codes = [i.wait(timeout=60) for i in six]
    errors = []
    for interview in six:
        assert interview.stderr is not None
        errors.append(interview.stderr.read())
        interview.stderr.close()
    assert sorted(codes) == [0, 2, 2, 2, 2, 2], errors
    refused = [e for e, c in zip(errors, codes, strict=True) if c == 2]
    assert all(e.count("\n") == 1 and "already open by" in e for e in refused), refused
    from surveys.files.response_file import load_assessment

    answers = load_assessment(path).answers
    assert len(answers) == 4, "the one interview's four answers, all kept, nobody else's"
    assert not lock_path(path).exists()


def test_second_acquire_is_refused_while_the_first_holds(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    with held_lock(path, user="kim"), pytest.raises(LockedError, match="already open by kim"):
        FileLock(path, "stick").acquire()
    with FileLock(path, "stick") as mine:
        assert mine.held  # the holder died: its lock freed itself
        holder = read_holder(path)
        assert holder is not None and holder.pid == os.getpid()


def test_lock_of_a_dead_holder_on_another_machine_frees_itself(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    write_lock(path, host="another-pc", pid=4242)
    with FileLock(path, "stick") as mine:
        assert mine.held


def test_lock_held_from_another_machine_is_honoured_and_says_how_to_break_it(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    with held_lock(path, host="another-pc", pid=4242), pytest.raises(LockedError) as caught:
        FileLock(path, "stick").acquire()
    assert "kim on another-pc" in str(caught.value) and "stick unlock" in str(caught.value)


def _odd_lock(path: Path, kind: str) -> None:
    lock = lock_path(path)
    if kind == "folder":
        lock.mkdir()
    elif kind == "fifo":
        os.mkfifo(lock)
    elif kind == "huge pid":
        write_lock(path, pid=2**31)
    elif kind == "garbage":
        lock.write_bytes(b"\x00\xff not a lock")
    elif kind == "empty":
        lock.write_bytes(b"")


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
@pytest.mark.parametrize("kind", ["folder", "fifo", "huge pid", "garbage", "empty"])
def test_a_lock_that_cannot_be_read_is_someone_unknown_never_a_crash_or_hang(stick_dir: Path, kind: str) -> None:
    made = run_stick(["new", "--org", "Odd PCT", "--respondent", "Kim"])
    path = Path(made.stdout.strip())
    before = path.read_bytes()
    _odd_lock(path, kind)
    done = run_stick(["interview", str(path), "--plain"], input="1\n", timeout=20)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "already open by someone unknown" in done.stderr
    assert path.read_bytes() == before
    assert read_holder(path) is None


@pytest.mark.parametrize("kind", ["huge pid", "garbage", "empty"])
def test_an_unreadable_lock_nobody_holds_is_taken_once_old(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "a.toml"
    _odd_lock(path, kind)
    long_ago = time.time() - 3600
    os.utime(lock_path(path), (long_ago, long_ago))
    with FileLock(path, "stick") as mine:
        assert mine.held


def test_without_os_locks_the_pid_rules_stand_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from surveys.locks import lock as lock_module
    from surveys.locks.os_lock import LocksUnavailable

    def no_locks(fd: int) -> bool:
        raise LocksUnavailable(38, "Function not implemented")

    monkeypatch.setattr(lock_module, "try_lock", no_locks)
    path = tmp_path / "a.toml"
    write_lock(path, pid=dead_pid())
    with FileLock(path, "stick") as mine:
        assert mine.held  # a dead process on this machine
    write_lock(path, pid=os.getppid())
    with pytest.raises(LockedError, match="kim on"):
        FileLock(path, "stick").acquire()  # a live one
    lock_path(path).write_bytes(b"")
    long_ago = time.time() - 3600
    os.utime(lock_path(path), (long_ago, long_ago))
    with pytest.raises(LockedError, match="someone unknown"):
        FileLock(path, "stick").acquire()  # may be mid-write: never deleted without OS locks
    assert lock_path(path).exists()


def test_a_full_disk_while_locking_is_one_line_and_leaves_no_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    path = tmp_path / "a.toml"
    with pytest.raises(StickError, match="cannot lock: No space left on device"):
        FileLock(path, "stick").acquire()
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def _mutations(seed: int) -> bytes:
    """A lock file's text, broken at random: bytes flipped, cut, doubled or replaced by odd values."""
    rng = random.Random(seed)
    good = json.dumps(lock_body(pid=1234)).encode()
    kind = rng.randrange(5)
    data = bytearray(good)
    if kind == 0:
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:
        del data[rng.randrange(len(data)) :]
    elif kind == 2:
        at = rng.randrange(len(data))
        data[at:at] = data[: rng.randrange(len(data))]
    elif kind == 3:
        odd = rng.choice(['"1"', "-1", "0", "1e309", "9" * 5000, "null", "[]", "{}", "true", str(2**63)])
        data = bytearray(good.replace(b"1234", odd.encode()))
    else:
        data = bytearray(rng.randbytes(rng.randint(0, 300)))
    return bytes(data)


def test_a_lock_file_broken_any_way_is_never_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    for seed in range(300):
        lock_path(path).write_bytes(_mutations(seed))
        if seed % 2:
            long_ago = time.time() - 3600
            os.utime(lock_path(path), (long_ago, long_ago))
        read_holder(path)  # never raises
        lock = FileLock(path, "stick", patience=0)
        try:
            lock.acquire()
        except LockedError as exc:
            assert "\n" not in str(exc)
        else:
            lock.release()
        lock_path(path).unlink(missing_ok=True)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
async def test_the_app_on_a_file_whose_lock_is_a_fifo_offers_read_only(tmp_path: Path) -> None:
    from textual.widgets import Static

    from tests.app_support import demo_folder
    from tui.app.factory import make_app
    from tui.app.locked import LockedDialog

    later = demo_folder(tmp_path / "answers")
    before = later.read_bytes()
    os.mkfifo(lock_path(later))
    app = make_app(later.parent, later)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockedDialog)
        assert "someone unknown" in str(app.screen.query_one("#message", Static).render())
        await pilot.press("ctrl+q")
    assert later.read_bytes() == before
