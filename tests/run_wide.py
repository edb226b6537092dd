"""What the whole test run shares: set-ups made once for every xdist worker, and the lock that lets a test run alone.

The suite runs in parallel (pytest-xdist, see pyproject): each worker is a process of its
own with a temporary folder of its own, under one folder for the run. A set-up too dear to
make per test or per worker (a built .pyz, a folder of thousands of files) is made there
once by the first worker that asks, under a lock; the others wait for it and read it. What
is shared is read, never changed: a test that changes it copies it into its tmp_path first.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def in_a_worker() -> bool:
    return "PYTEST_XDIST_WORKER" in os.environ


def run_folder(basetemp: Path) -> Path:
    """The folder every worker of this run shares (a worker's basetemp is a folder inside it)."""
    return basetemp.parent if in_a_worker() else basetemp


@contextmanager
def held(path: Path, *, exclusive: bool = True) -> Iterator[None]:
    """An OS lock on `path` while the block runs; the OS lets go of it if the process dies."""
    with open(path, "a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            if not exclusive:  # msvcrt has no shared locks: there, only those alone keep each other out
                yield
                return
            handle.seek(0)
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:  # LK_LOCK gives up after 10 s; the holder may be a long test
                    continue
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def made_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The folder `name`, filled by `build(folder)` once for the whole run, whichever worker asks first."""
    root = run_folder(factory.getbasetemp()) / "made-once"
    root.mkdir(exist_ok=True)
    folder, done = root / name, root / f"{name}.done"
    with held(root / f"{name}.lock"):
        if not done.exists():
            if folder.exists():  # a build that failed half-way, in another test
                shutil.rmtree(folder)
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


@contextmanager
def beside_others(basetemp: str | None, *, alone: bool) -> Iterator[None]:
    """While a test marked `alone` runs, no other test of the run does; the rest run side by side.

    Every test holds the run's lock shared, one marked `alone` holds it exclusively. `basetemp`
    is the worker's temporary folder (xdist sets it); in a run without workers there is no one
    beside, and nothing is locked.
    """
    if not in_a_worker() or not basetemp:
        yield
        return
    with held(run_folder(Path(basetemp)) / "alone.lock", exclusive=alone):
        yield
