"""Run a command under a pseudo-terminal and report the CPU time of its process tree.

CPU time (user + system of the process and everything it waited for) is steadier
than wall time on a shared two-core machine, so the first-frame benchmark
compares that.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import termios
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    cpu: float
    wall: float
    status: int
    output: bytes


def run_in_pty(argv: list[str], env: dict[str, str], size: tuple[int, int] = (80, 24), timeout: float = 30) -> Run:
    """Start argv on a fresh pty of `size` (columns, rows), drain its output, wait for it."""
    columns, rows = size
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: the pty becomes its controlling terminal
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.close(master)
        os.close(slave)
        os.execvpe(argv[0], argv, env)
    os.close(slave)
    output = bytearray()
    deadline = start + timeout
    status = None
    usage = None
    while status is None:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            output += chunk
            # Answer the terminal queries Textual sends, as a real terminal would.
            if b"\x1b[c" in chunk or b"\x1b[0c" in chunk:
                os.write(master, b"\x1b[?62;22c")
        waited, raw_status, rusage = os.wait4(pid, os.WNOHANG)
        if waited == pid:
            status, usage = raw_status, rusage
        elif time.perf_counter() > deadline:
            os.kill(pid, 9)
            _, raw_status, usage = os.wait4(pid, 0)
            status = raw_status
    wall = time.perf_counter() - start
    os.close(master)
    assert usage is not None
    return Run(usage.ru_utime + usage.ru_stime, wall, os.waitstatus_to_exitcode(status), bytes(output))
