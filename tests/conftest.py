"""Shared fixtures. Every test runs with the network shut: the tool is offline.

The suite runs in parallel (pytest-xdist: `-n auto --dist loadgroup` in pyproject, two workers
a core), so every test has its own folders (tmp_path, STICK_CACHE_DIR, STICK_CONFIG_DIR below)
and leans on no other test. The tests of a module with a module-scoped fixture (a LibreOffice render, a built
file) run on one worker, so it is made once. Two marks, declared in pyproject: `slow` (its
module is scheduled first, so the run does not end waiting for it) and `alone` (no other test
runs beside it). A set-up for many modules is made once for the run by tests/run_wide.py.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.run_wide import beside_others

ROOT = Path(__file__).resolve().parent.parent


class NetworkUsed(AssertionError):
    pass


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist's: how many workers `-n auto` starts
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    # Two a core: most of a test's time is spent waiting (for a pseudo-terminal, a child process,
    # a pause), not computing: a serial run used 283 s of CPU in 607 s.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 2 * cores


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups it schedules by
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _shares_a_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
    # Whole modules move, so a module's shared fixtures are still made once on a worker.
    slow = {item.path for item in items if item.get_closest_marker("slow") is not None}
    items.sort(key=lambda item: item.path not in slow)


def _shares_a_module_fixture(item: pytest.Item) -> bool:
    """Does the test use a fixture made once for its module or class (a render, a build)?"""
    if not isinstance(item, pytest.Function):
        return False
    defined = item._fixtureinfo.name2fixturedefs.values()
    return any(defs[-1].scope in ("class", "module", "package") for defs in defined if defs)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, object, object]:
    # Around the fixtures' set-up and tear-down too: a module's set-up is part of its first test.
    with beside_others(item.config.option.basetemp, alone=item.get_closest_marker("alone") is not None):
        return (yield)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any test whose code opens a network connection."""

    def refuse(self: socket.socket, address: Any) -> None:
        if self.family == getattr(socket, "AF_UNIX", None):
            return real_connect(self, address)
        raise NetworkUsed(f"a test tried to reach the network: {address!r}")

    real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(socket.socket(), a[0]))
    yield


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own (the folder index lives there), for it and every stick it starts."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("STICK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def own_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder of the test's own (the remembered theme lives there), never the user's."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("STICK_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def stick_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A response folder of the test's own, also set as STICK_DIR."""
    folder = tmp_path / "assessments"
    folder.mkdir()
    monkeypatch.setenv("STICK_DIR", str(folder))
    return folder


def child_pythonpath() -> str:
    """For any stick the tests start: our code, and the guard that refuses the network."""
    return os.pathsep.join([str(ROOT), str(ROOT / "tests" / "netguard")])


def run_stick(
    args: Sequence[str],
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """Run the real command in a fresh interpreter, as a user would."""
    full_env = {**os.environ, "PYTHONPATH": child_pythonpath(), "PYTHONIOENCODING": "utf-8", **(env or {})}
    data = input.decode("utf-8") if isinstance(input, bytes) else input
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        input=data,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        cwd=cwd or ROOT,
        timeout=timeout,
    )
