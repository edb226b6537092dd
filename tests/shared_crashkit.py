"""Two "machines" on one shared folder: interviews race for one file and are killed at random.

Each machine is a PID namespace with its own host name where this machine
allows it (`unshare`, as root on Linux), so both sides can have the same
process ids, as two PCs do; elsewhere the machines differ only by STICK_HOST.
Used by tests/test_shared_soak.py (a few rounds) and by
`benchmarks/crash_soak.py --shared` (hundreds).
"""

from __future__ import annotations

import contextlib
import functools
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from surveys.files.atomic import TEMP_SUFFIX, host_tag
from tests.conftest import ROOT, child_pythonpath
from tests.crashkit import LINES, _check_kept, _new_file, _on_disk

MACHINES = ("machine-a", "machine-b")
# A third PC on the share, in the middle of a save while the other two race.
SAVING_ELSEWHERE = "machine-c"


@functools.cache
def namespaces() -> bool:
    """Can each machine be a PID and host-name namespace of its own here?"""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    tried = subprocess.run(
        ["unshare", "--pid", "--fork", "--mount-proc", "--uts", "--kill-child", "sh", "-c", "hostname x"],
        capture_output=True,
    )
    return tried.returncode == 0


def on_machine(machine: str, args: list[str]) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "PYTHONPATH": child_pythonpath(), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "tui", *args]
    if namespaces():
        env.pop("STICK_HOST", None)
        shell = 'hostname "$0" && exec "$@"'
        return [
            "unshare",
            "--pid",
            "--fork",
            "--mount-proc",
            "--uts",
            "--kill-child",
            "sh",
            "-c",
            shell,
            machine,
            *command,
        ], env
    return command, {**env, "STICK_HOST": machine}


class Interview:
    """`stick interview --plain` on one machine, its output gathered as it comes."""

    def __init__(self, machine: str, path: Path) -> None:
        command, env = on_machine(machine, ["interview", str(path), "--plain"])
        self.machine = machine
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT
        )
        self.out = bytearray()
        self.err = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while chunk := os.read(self.process.stdout.fileno(), 65536):
            self.out += chunk

    def started(self, timeout: float = 30) -> bool:
        """True once it holds the file (its first question is up); False if it was refused."""
        end = time.monotonic() + timeout
        while b"Question " not in self.out:
            if self.process.poll() is not None or time.monotonic() > end:
                return False
            time.sleep(0.005)
        return True

    def send(self, line: str) -> bool:
        assert self.process.stdin is not None
        try:
            self.process.stdin.write((line + "\n").encode("utf-8"))
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            return False
        return True

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.finish()

    def finish(self, timeout: float = 30) -> int:
        assert self.process.stdin is not None and self.process.stderr is not None
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        code = self.process.wait(timeout=timeout)
        self.err = self.process.stderr.read()
        self.process.stderr.close()
        self._reader.join(timeout=5)
        assert self.process.stdout is not None
        self.process.stdout.close()
        return code


@dataclass
class SharedRound:
    kills: int = 0
    double_holders: int = 0
    refused: int = 0
    answers_seen: int = 0
    answers_lost: int = 0
    foreign_temps_removed: int = 0
    notes: list[str] = field(default_factory=list)


def _plant_foreign_temp(folder: Path, path: Path, machine: str, rng: random.Random) -> Path:
    # Another machine's save in flight: its pid means nothing here, so it must stay.
    temp = folder / f".{path.name}.{host_tag(machine)}.{rng.randint(2, 400)}-soak{TEMP_SUFFIX}"
    temp.write_bytes(b"answers = {")
    return temp


def shared_round(folder: Path, rng: random.Random) -> SharedRound:
    """Both machines open one new file at once; the holder answers and is killed; the other carries on."""
    result = SharedRound()
    path = _new_file(folder)
    first, second = rng.sample(MACHINES, 2)
    foreign = _plant_foreign_temp(folder, path, SAVING_ELSEWHERE, rng)
    racing = [Interview(first, path)]
    time.sleep(rng.choice([0.0, rng.uniform(0, 0.05)]))
    racing.append(Interview(second, path))
    holders = [i for i in racing if i.started()]
    result.double_holders += len(holders) > 1
    for interview in racing:
        if interview not in holders:
            code = interview.finish()
            result.refused += code == 2 and b"already open by" in interview.err
    seen: dict[str, Any] = {}
    for holder in holders:
        for _ in range(rng.randint(0, 12)):
            if not holder.send(rng.choice(LINES)):
                break
            if rng.random() < 0.5:
                time.sleep(rng.uniform(0, 0.02))
            answers = _on_disk(path)
            assert answers is not None, "a reader saw a broken file while stick was saving"
            seen = answers
        time.sleep(rng.uniform(0, 0.01))
        holder.kill()
        result.kills += 1
    result.answers_seen = len(seen)
    # The other machine now opens it: the dead holder's lock must have freed itself.
    after = Interview(second if holders and holders[0].machine == first else first, path)
    if not after.started():
        after.finish()
        raise AssertionError(f"the lock of a killed holder did not free itself: {after.err[-300:]!r}")
    after.send(rng.choice(LINES))
    assert after.finish() == 0, after.err[-300:]
    try:
        _check_kept(path, seen)
    except AssertionError as exc:
        result.answers_lost += 1
        result.notes.append(str(exc))
    if not foreign.exists():
        result.foreign_temps_removed += 1
    foreign.unlink(missing_ok=True)
    return result
