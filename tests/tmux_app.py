"""The real `stick` in tmux, read back as a person sees it: the screen as text.

Each test gets a tmux server of its own (its own socket, no user config), so it
never meets the user's sessions. The app's stderr is the pane (Textual draws
there); its exit status is written to a file beside the screen, since the pane
closes with the app.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tests.conftest import ROOT, child_pythonpath

HAVE_TMUX = shutil.which("tmux") is not None
T = TypeVar("T")
PAUSE = 0.15  # between keys, as a person types


class TmuxApp:
    """`stick ARGS` in a detached tmux session of the given size."""

    def __init__(self, args: list[str], env: dict[str, str], workdir: Path, size: tuple[int, int] = (80, 24)) -> None:
        self.socket = f"stick-test-{os.getpid()}-{time.monotonic_ns()}"
        self.status_file = workdir / "exit-status"
        full_env = {"PYTHONPATH": child_pythonpath(), "TERM": "xterm-256color", "LANG": "C.UTF-8", **env}
        assignments = [f"{name}={value}" for name, value in full_env.items()]
        app = shlex.join(["env", *assignments, sys.executable, "-m", "tui", *args])
        command = f"cd {shlex.quote(str(ROOT))} && {app}; echo $? > {shlex.quote(str(self.status_file))}"
        columns, rows = size
        self._tmux("new-session", "-d", "-s", "app", "-x", str(columns), "-y", str(rows), command)

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args], capture_output=True, text=True, timeout=30
        )
        return done.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "app")

    def keys(self, *names: str) -> None:
        """tmux key names (Enter, Escape, Tab, C-s, Right, ...), one after another with a person's pause."""
        for name in names:
            self._tmux("send-keys", "-t", "app", name)
            time.sleep(PAUSE)

    def type(self, text: str) -> None:
        """Literal text, a character at a time with a short pause, as typed."""
        for character in text:
            self._tmux("send-keys", "-t", "app", "-l", character)
            time.sleep(0.02)
        time.sleep(PAUSE)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        end = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} never appeared on the screen:\n{shown}")
            time.sleep(0.1)

    def exit_status(self, timeout: float = 30) -> int:
        end = time.monotonic() + timeout
        while not self.status_file.exists() or not self.status_file.read_text().strip():
            if time.monotonic() > end:
                raise AssertionError(f"the app did not exit; the screen:\n{self.screen()}")
            time.sleep(0.1)
        return int(self.status_file.read_text())

    def close(self) -> None:
        self._tmux("kill-server")


def eventually(read: Callable[[], T], good: Callable[[T], bool], timeout: float = 10) -> T:
    """`read()` until `good` holds of it (a save lands a moment after the key)."""
    end = time.monotonic() + timeout
    while True:
        try:
            value = read()
            if good(value):
                return value
        except (OSError, ValueError):  # between the write and the rename, or not there yet
            pass
        if time.monotonic() > end:
            raise AssertionError(f"never came true; last read: {read()!r}")
        time.sleep(0.05)
