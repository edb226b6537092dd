"""A program on a pseudo-terminal, watched from outside: what it drew, what it saved, and when.

The benchmarks that measure what a person feels drive the real program the way
a terminal does. This side answers the queries a terminal answers (device
attributes, and synchronized output, so each frame ends with a mark we can
see), reads everything the program draws as it arrives, and watches the
response folder with inotify (a saved file is a temp file renamed into place),
falling back to polling the file where inotify is missing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import pty
import re
import select
import struct
import termios
import time
from pathlib import Path

SYNC_END = b"\x1b[?2026l"
_ESCAPE = re.compile(rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-Za-z]|[=>78])")
_IN_MOVED_TO = 0x80
_IN_CLOSE_WRITE = 0x8
_IN_NONBLOCK = 0o4000


def plain(data: bytes) -> bytes:
    """The text drawn, escape sequences removed."""
    return _ESCAPE.sub(b"", data)


class _Watch:
    """Renames into one folder, through inotify when the C library has it."""

    def __init__(self, folder: Path) -> None:
        self.fd = -1
        name = ctypes.util.find_library("c")
        try:
            libc = ctypes.CDLL(name, use_errno=True)
            fd = libc.inotify_init1(_IN_NONBLOCK)
            if fd >= 0 and libc.inotify_add_watch(fd, str(folder).encode(), _IN_MOVED_TO | _IN_CLOSE_WRITE) >= 0:
                self.fd = fd
        except (OSError, AttributeError):
            self.fd = -1

    def names(self) -> list[str]:
        """The files moved into place since last asked."""
        if self.fd < 0:
            return []
        found = []
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return []
        at = 0
        while at + 16 <= len(data):
            _, mask, _, length = struct.unpack_from("iIII", data, at)
            name = data[at + 16 : at + 16 + length].rstrip(b"\0").decode("utf-8", "replace")
            if mask & _IN_MOVED_TO:
                found.append(name)
            at += 16 + length
        return found

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)


class Terminal:
    def __init__(
        self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (80, 24), watch: Path | None = None
    ) -> None:
        columns, rows = size
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.watch = _Watch(watch) if watch is not None else None
        self.started = time.monotonic()
        self.pid = os.fork()
        if self.pid == 0:  # the child: the pty becomes its controlling terminal
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            os.close(self.master)
            os.close(slave)
            os.execvpe(argv[0], argv, env)
        os.close(slave)
        self.output = bytearray()
        self._arrivals: list[tuple[int, float]] = []
        self.status: int | None = None
        self.rusage: object = None

    # Reading

    def _pump(self, timeout: float) -> bool:
        """Read what is there (waiting up to `timeout`); False once the program has gone."""
        fds = [self.master] + ([self.watch.fd] if self.watch is not None and self.watch.fd >= 0 else [])
        ready, _, _ = select.select(fds, [], [], timeout)
        if self.master in ready:
            try:
                chunk = os.read(self.master, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                return False
            self._arrivals.append((len(self.output), time.monotonic()))
            self.output += chunk
            # Answer what a terminal answers.
            if b"\x1b[c" in chunk or b"\x1b[0c" in chunk:
                os.write(self.master, b"\x1b[?62;22c")
            if b"\x1b[?2026$p" in chunk:
                os.write(self.master, b"\x1b[?2026;2$y")
        return True

    def saved(self, name: str) -> bool:
        return self.watch is not None and name in self.watch.names()

    def wait_frame_with(
        self, marker: bytes, start: int, deadline: float = 30.0, saved: str = ""
    ) -> tuple[float, float]:
        """When a whole frame drawing `marker` (after output offset `start`) arrived and, if named, the save.

        Returns (drawn, saved) as time.monotonic() moments, each the moment its
        news was read (not when it was looked at); saved is 0 when not asked.
        """
        end = time.monotonic() + deadline
        drawn = saved_at = 0.0
        scanned = start
        while not drawn or (saved and not saved_at):
            if saved and not saved_at and self.saved(saved):
                saved_at = time.monotonic()
            while not drawn:
                frame_end = self.output.find(SYNC_END, scanned)
                if frame_end < 0:
                    break
                if marker in plain(bytes(self.output[scanned:frame_end])):
                    drawn = self._arrival(frame_end)
                scanned = frame_end + len(SYNC_END)
            if drawn and (not saved or saved_at):
                break
            if time.monotonic() > end:
                raise TimeoutError(f"{marker!r} never drawn; output ends {bytes(self.output[-300:])!r}")
            if not self._pump(0.002):
                raise RuntimeError(f"the program left; output ends {bytes(self.output[-300:])!r}")
        return drawn, saved_at

    def _arrival(self, offset: int) -> float:
        """When the byte at `offset` was read."""
        for at, moment in reversed(self._arrivals):
            if at <= offset:
                return moment
        return self.started

    def wait_text(self, marker: bytes, deadline: float = 30.0) -> float:
        return self.wait_frame_with(marker, 0, deadline)[0]

    # Writing and ending

    def type(self, keys: bytes) -> float:
        moment = time.monotonic()
        os.write(self.master, keys)
        return moment

    def wait_exit(self, deadline: float = 30.0) -> float:
        """The moment the program ended (killed after `deadline`)."""
        end = time.monotonic() + deadline
        while True:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status, self.rusage = os.waitstatus_to_exitcode(status), usage
                return time.monotonic()
            if time.monotonic() > end:
                os.kill(self.pid, 9)
                _, status, usage = os.wait4(self.pid, 0)
                self.status, self.rusage = os.waitstatus_to_exitcode(status), usage
                raise TimeoutError("the program did not end")
            self._pump(0.001)

    def close(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, 9)
                os.wait4(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.master)
        if self.watch is not None:
            self.watch.close()

    @property
    def max_rss_mb(self) -> float:
        usage = self.rusage
        return getattr(usage, "ru_maxrss", 0) / 1024

    @property
    def cpu(self) -> float:
        usage = self.rusage
        return getattr(usage, "ru_utime", 0.0) + getattr(usage, "ru_stime", 0.0)


def child_cpu(pid: int) -> float:
    """CPU seconds a running process has used so far (Linux /proc), 0 where unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks
    except (OSError, IndexError, ValueError):
        return 0.0
