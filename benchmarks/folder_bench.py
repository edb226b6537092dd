"""A trust's shared folder: Home and `stick FILE` at 100, 1,000 and 10,000 files, cold and warm.

Measured from outside, on a pseudo-terminal at 80x24, as wall time from
starting the program (what a person waits):

- Home: until the first rows are drawn (the newest file's organisation), and
  until every row is in (Home says "N assessments in ..."); peak memory.
- `stick FILE`: until the question is drawn, and until the earlier-assessment
  search has its answer (the "Comparing with" notice).
- ctrl+q while the search still reads a cold folder: from the key to the exit.

Cold means no folder index in the cache (every file parsed); warm, the index
the cold run left. Baselines, run in turn with ours: the one-label Textual app's
first frame (given stick's collector settings), a bare Python reading and
parsing every file with tomllib (the least a cold read can cost), and the
one-label app's own exit on ctrl+q.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from benchmarks.childenv import child_env
from benchmarks.stats import line, median, spread
from benchmarks.synth import assessment
from benchmarks.terminal import Terminal, plain
from surveys.files.response_file import save_assessment, to_toml

ROOT = Path(__file__).resolve().parent.parent
PAST = 1_700_000_000  # files last changed long ago, as on a real share
PARSE_FLOOR = (
    "import sys, tomllib, os\n"
    "for e in os.scandir(sys.argv[1]):\n"
    "    if e.name.endswith('.toml'):\n"
    "        tomllib.loads(open(e.path, 'rb').read().decode())\n"
)


def write_folder(folder: Path, count: int) -> Path:
    """`count` synthetic assessments, and a current one of the first file's organisation; returns the current."""
    folder.mkdir(parents=True, exist_ok=True)
    first = None
    for n in range(count):
        a = assessment(n)
        first = first or a
        path = folder / f"assessment-{n:05d}.toml"
        path.write_bytes(to_toml(a))
        os.utime(path, (PAST + n, PAST + n))
    assert first is not None
    current = folder / "current.toml"
    save_assessment(current, replace(assessment(0, answered=12), date=date(2027, 1, 1)))
    os.utime(current, (PAST - 10, PAST - 10))  # not the newest: Home's first row stays a synthetic file
    return current


def _env(cache: Path) -> dict[str, str]:
    return child_env(TERM="xterm-256color", STICK_CACHE_DIR=str(cache))


def _until(term: Terminal, marker: bytes, deadline: float = 120.0) -> float:
    """The moment `marker` was first drawn (read from the terminal)."""
    end = time.monotonic() + deadline
    seen = 0
    while True:
        if marker in plain(bytes(term.output[max(0, seen - 200) :])):
            return time.monotonic()
        seen = len(term.output)
        if time.monotonic() > end:
            raise SystemExit(f"{marker!r} never drawn; output ends {bytes(term.output[-300:])!r}")
        if not term._pump(0.005):
            raise SystemExit(f"the program left before drawing {marker!r}")


def _quit(term: Terminal) -> float:
    pressed = term.type(b"\x11")
    return term.wait_exit() - pressed


def home(folder: Path, cache: Path, newest: str, count: int) -> tuple[float, float, float]:
    """(first rows, all rows, peak MB) for Home on `folder`."""
    term = Terminal([sys.executable, "-m", "tui", "--dir", str(folder)], _env(cache), watch=None)
    try:
        # Its first words: Home narrows the column to fit 80 columns and may end a long name with "…".
        first = _until(term, newest[:12].encode()) - term.started
        done = _until(term, f"{count + 1:,} assessments in".encode()) - term.started
        _quit(term)
        return first, done, term.max_rss_mb
    finally:
        term.close()


def open_file(current: Path, cache: Path) -> tuple[float, float, float]:
    """(question drawn, search answered, peak MB) for `stick FILE`."""
    term = Terminal([sys.executable, "-m", "tui", str(current)], _env(cache))
    try:
        drawn = _until(term, b"Question ") - term.started
        found = _until(term, b"Comparing with") - term.started
        _quit(term)
        return drawn, found, term.max_rss_mb
    finally:
        term.close()


def quit_during_search(current: Path, cache: Path) -> float:
    term = Terminal([sys.executable, "-m", "tui", str(current)], _env(cache))
    try:
        _until(term, b"Question ")
        settle = time.monotonic() + 0.3  # the search is under way
        while time.monotonic() < settle:
            term._pump(0.01)
        return _quit(term)
    finally:
        term.close()


def bare_frame() -> tuple[float, float]:
    """(first frame, ctrl+q to exit) of the one-label app."""
    term = Terminal([sys.executable, str(ROOT / "benchmarks" / "bare_app.py")], _env(Path(tempfile.gettempdir())))
    try:
        drawn = _until(term, b"stick") - term.started
        settle = time.monotonic() + 0.3
        while time.monotonic() < settle:
            term._pump(0.01)
        return drawn, _quit(term)
    finally:
        term.close()


def parse_floor(folder: Path) -> float:
    import subprocess

    start = time.monotonic()
    subprocess.run([sys.executable, "-c", PARSE_FLOOR, str(folder)], check=True, env=child_env())
    return time.monotonic() - start


def measure(sizes: list[int], runs: int) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as temp:
        for count in sizes:
            folder = Path(temp) / f"f{count}"
            current = write_folder(folder, count)
            newest = assessment(count - 1).organisation
            got: dict[str, list[float]] = {}
            note = _Notes(got)
            bare_frame()  # warm the disk cache and bytecode
            for _ in range(runs):
                cache = Path(temp) / "cache"
                shutil.rmtree(cache, ignore_errors=True)
                first, done, peak = home(folder, cache, newest, count)
                note("home cold first", first)
                note("home cold done", done)
                note("home cold MB", peak)
                first, done, peak = home(folder, cache, newest, count)
                note("home warm first", first)
                note("home warm done", done)
                note("home warm MB", peak)
                shutil.rmtree(cache, ignore_errors=True)
                drawn, found, peak = open_file(current, cache)
                note("file cold drawn", drawn)
                note("file cold found", found)
                drawn, found, peak = open_file(current, cache)
                note("file warm drawn", drawn)
                note("file warm found", found)
                shutil.rmtree(cache, ignore_errors=True)
                note("quit", quit_during_search(current, cache))
                frame, bare_quit = bare_frame()
                note("bare frame", frame)
                note("bare quit", bare_quit)
                note("floor", parse_floor(folder))
            lines += _report(count, got)
    return lines


class _Notes:
    def __init__(self, into: dict[str, list[float]]) -> None:
        self.into = into

    def __call__(self, name: str, value: float) -> None:
        self.into.setdefault(name, []).append(value)


def _report(count: int, got: dict[str, list[float]]) -> list[str]:
    m = {k: median(v) for k, v in got.items()}
    n = f"{count:,}"
    big = count == 10000
    out = [
        line(f"Home {n}: first rows, cold", m["home cold first"], m["bare frame"], "s", "<= 0.5 s" if big else ""),
        line(f"Home {n}: all rows, cold", m["home cold done"], m["floor"], "s", "<= 6 s" if big else ""),
        line(f"Home {n}: first rows, warm", m["home warm first"], m["bare frame"], "s", "<= 0.5 s" if big else ""),
        line(f"Home {n}: all rows, warm", m["home warm done"], m["bare frame"], "s", "<= 1.0 s" if big else ""),
        f"{'':<40} peak memory cold {m['home cold MB']:.0f} MB, warm {m['home warm MB']:.0f} MB"
        + ("  target <= 80 MB" if big else ""),
        f"{'':<40} runs: cold all rows {spread(got['home cold done'], 's', 2)}, "
        f"warm {spread(got['home warm done'], 's', 2)}",
        line(f"stick FILE in {n}: question drawn, cold", m["file cold drawn"], m["bare frame"], "s"),
        line(f"stick FILE in {n}: search done, cold", m["file cold found"], m["floor"], "s"),
        line(f"stick FILE in {n}: search done, warm", m["file warm found"], m["bare frame"], "s"),
        line(f"ctrl+q during the search, {n}", m["quit"], m["bare quit"], "s", "<= 0.2 s"),
        f"{'':<40} runs {spread(got['quit'], 's', 3)}; baseline (one-label app) {spread(got['bare quit'], 's', 3)}",
    ]
    return out
