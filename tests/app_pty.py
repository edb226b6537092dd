"""The real `stick` app in a pseudo-terminal, for the crash and terminal tests.

A thread drains the terminal all the time, as a terminal emulator would, so the
app never blocks writing its frames while a test waits or types.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

from tests.conftest import ROOT, child_pythonpath


def _set_size(fd: int, columns: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


def _take_terminal() -> None:
    # Runs in the child after setsid: the pty becomes its controlling terminal,
    # so the kernel sends it SIGWINCH when the size changes.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """Any command in a pseudo-terminal of its own, with exactly the environment given."""

    def __init__(self, argv: list[str], *, cwd: Path, env: dict[str, str], size: tuple[int, int] = (80, 24)) -> None:
        self.master, slave = pty.openpty()
        _set_size(slave, *size)
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            start_new_session=True,
            preexec_fn=_take_terminal,
            close_fds=True,
        )
        os.close(slave)
        self._seen = bytearray()
        self._guard = threading.Lock()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the app has gone and the pty is closed
                return
            if not chunk:
                return
            with self._guard:
                self._seen += chunk

    @property
    def output(self) -> bytes:
        with self._guard:
            return bytes(self._seen)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while text.encode() not in self.output:
            if self.process.poll() is not None or time.monotonic() > end:
                raise AssertionError(f"{text!r} never appeared; output ends {self.output[-800:]!r}")
            time.sleep(0.02)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def resize(self, columns: int, rows: int) -> None:
        _set_size(self.master, columns, rows)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.close()

    def close(self, timeout: float = 30) -> int:
        try:
            return self.process.wait(timeout=timeout)
        finally:
            os.close(self.master)
            self._reader.join(timeout=5)


class AppInPty(Terminal):
    """`stick ARGS` (this checkout's code) in a pseudo-terminal."""

    def __init__(self, args: list[str], size: tuple[int, int] = (80, 24), env: dict[str, str] | None = None) -> None:
        full_env = {**os.environ, "PYTHONPATH": child_pythonpath(), "TERM": "xterm-256color", **(env or {})}
        for name in ("COLUMNS", "LINES", "NO_COLOR", "TEXTUAL"):
            if name not in (env or {}):
                full_env.pop(name, None)
        super().__init__([sys.executable, "-m", "tui", *args], cwd=ROOT, env=full_env, size=size)


def app_started(path: Path, **kwargs: object) -> AppInPty:
    """`stick FILE`, waited for until its first question is on the screen."""
    term = AppInPty([str(path)], **kwargs)  # type: ignore[arg-type]
    term.wait_for("Question ")
    return term
