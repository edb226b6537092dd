"""Answer cycle from outside the process: a key written to the terminal until the file is saved and the
next question is drawn.

The real `stick FILE` runs on a pseudo-terminal. For each answer a number key
is written; the cycle ends when both the renamed response file has been seen
(inotify on the folder) and a whole frame showing the next question has been
read (frames end with the synchronized-output mark). p50 and p99 over the
answers of a run; several runs, interleaved with the baseline: a Textual app
that saves the same bytes atomically and redraws one line per key
(benchmarks/bare_answer.py), given the same collector settings.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from benchmarks.childenv import child_env
from benchmarks.stats import line, median, percentile, spread
from benchmarks.synth import assessment
from benchmarks.terminal import Terminal, child_cpu, plain
from surveys.files.response_file import save_assessment
from surveys.instruments.instrument_file import builtin_instrument, load_instrument
from surveys.model.answers import written
from surveys.model.instrument import Instrument
from surveys.model.responses import Assessment, new_assessment, with_answer

ROOT = Path(__file__).resolve().parent.parent
RIGHT = b"\x1b[C"
SETTLE = 0.4  # after the first frame: the earlier-assessment search and start-up work finish
# Between answers, as a person pauses: a key sent the instant a frame lands
# would wait for Textual's next 60 Hz frame slot, which no typist sees.
PAUSE = 0.06


class Cycles:
    def __init__(self) -> None:
        self.total: list[float] = []  # key to saved and drawn, ms
        self.drawn: list[float] = []
        self.cpu_ms = 0.0
        self.answers = 0


def prepared(path: Path, instrument: Instrument, base: Assessment | None = None) -> Assessment:
    """A file with only its text questions answered, so each launch starts at question 1."""
    a = base or new_assessment("Northfield PCT", "Ann", "Lead", instrument.id, instrument.version)
    for q in instrument.questions:
        if q.kind == "text":
            a = with_answer(a, written(q, "Our race equality scheme"))
    save_assessment(path, a)
    return a


def _launch(
    argv: list[str], path: Path, size: tuple[int, int], instrument: Instrument, want: int, flip: int, into: Cycles
) -> None:
    total = len(instrument.questions)
    env = child_env(TERM="xterm-256color", STICK_CACHE_DIR=str(path.parent / ".cache"))
    term = Terminal(argv, env, size, watch=path.parent)
    try:
        end = time.monotonic() + 60
        shown = None
        while shown is None:
            shown = re.search(rb"Question (\d+) of", plain(bytes(term.output)))
            if time.monotonic() > end:
                raise SystemExit(f"{argv[1:3]} never drew its first question")
            term._pump(0.01)
        first = int(shown.group(1))  # where it opened: the first question still open, else the first
        settle = time.monotonic() + SETTLE
        while time.monotonic() < settle:
            term._pump(0.01)
        cpu_before = child_cpu(term.pid)
        answered = 0
        # Each answer changes the one in the file (so each is saved): the other of options 1 and 2.
        chosen = _chosen(path)
        for n in range(first, total):
            if answered >= want:
                break
            start = len(term.output)
            marker = f"Question {n + 1} of {total}".encode()
            if instrument.questions[n - 1].kind == "text":
                term.type(RIGHT)
                term.wait_frame_with(marker, start)
                continue
            rest = time.monotonic() + PAUSE
            while time.monotonic() < rest:
                term._pump(0.005)
            start = len(term.output)
            pressed = term.type(b"2" if chosen.get(instrument.questions[n - 1].id) == 1 else b"1")
            drawn, saved = term.wait_frame_with(marker, start, saved=path.name)
            into.total.append((max(drawn, saved) - pressed) * 1000)
            into.drawn.append((drawn - pressed) * 1000)
            answered += 1
        into.cpu_ms += (child_cpu(term.pid) - cpu_before) * 1000
        into.answers += answered
        term.type(b"\x11")
        term.wait_exit()
    finally:
        term.close()


def _chosen(path: Path) -> dict[str, int]:
    from surveys.files.response_file import load_assessment

    return {qid: a.choice for qid, a in load_assessment(path).answers.items()}


def run_cycles(
    argv: list[str], path: Path, size: tuple[int, int], instrument: Instrument, answers: int, flip: int
) -> Cycles:
    """`answers` answers, in as many launches as it takes (each runs from question 1 to the last but one)."""
    got = Cycles()
    launch = 0
    # Each launch starts from the file as prepared: a file with every question
    # answered opens at its result, not at a question. The prepared bytes are
    # kept beside it (not a .toml: no folder reading sees them) from the first run.
    pristine = path.with_name(path.name + ".prepared")
    if not pristine.exists():
        pristine.write_bytes(path.read_bytes())
    while got.answers < answers:
        path.write_bytes(pristine.read_bytes())
        _launch(argv, path, size, instrument, answers - got.answers, flip + launch, got)
        launch += 1
    return got


def programs(path: Path, instrument: Instrument, instrument_file: Path | None = None) -> dict[str, list[str]]:
    stick = [sys.executable, "-m", "tui", str(path)] + (
        ["--instrument", str(instrument_file)] if instrument_file else []
    )
    bare = [sys.executable, str(ROOT / "benchmarks" / "bare_answer.py"), str(path), str(len(instrument.questions))]
    return {"stick": stick, "bare": bare}


def compare(
    label: str,
    runs: int,
    answers: int,
    size: tuple[int, int],
    ours: tuple[list[str], Path, Instrument],
    base: tuple[list[str], Path, Instrument],
    target: str = "",
    base_name: str = "",
) -> list[str]:
    """p50 and p99 of each run for two programs, interleaved; the medians and the spreads."""
    p50: dict[str, list[float]] = {"ours": [], "base": []}
    p99: dict[str, list[float]] = {"ours": [], "base": []}
    cpu: dict[str, list[float]] = {"ours": [], "base": []}
    for run in range(runs):
        for name, (argv, path, instrument) in (("ours", ours), ("base", base)):
            got = run_cycles(argv, path, size, instrument, answers, run)
            p50[name].append(percentile(got.total, 50))
            p99[name].append(percentile(got.total, 99))
            cpu[name].append(got.cpu_ms / max(1, got.answers))
    goals = [*target.split(";"), ""]
    lines = [
        line(f"{label} p50", median(p50["ours"]), median(p50["base"]), "ms", goals[0]),
        f"{'':<40} runs {spread(p50['ours'], 'ms', 1)}; baseline {spread(p50['base'], 'ms', 1)}{base_name}",
        line(
            f"{label} p99",
            median(p99["ours"]),
            median(p99["base"]),
            "ms",
            target.split(";")[1] if ";" in target else "",
        ),
        f"{'':<40} runs {spread(p99['ours'], 'ms', 1)}; baseline {spread(p99['base'], 'ms', 1)}",
        f"{'':<40} CPU per answer {median(cpu['ours']):.1f} ms; baseline {median(cpu['base']):.1f} ms",
    ]
    return lines


def measure(runs: int, answers: int = 100) -> list[str]:
    """The built-in instrument at 80x24 and 120x40, against the bare save-and-redraw app."""
    instrument = builtin_instrument()
    lines = []
    with tempfile.TemporaryDirectory() as temp:
        for size in ((80, 24), (120, 40)):
            ours_path = Path(temp) / f"ours-{size[0]}" / "northfield.toml"
            base_path = Path(temp) / f"bare-{size[0]}" / "northfield.toml"
            for p in (ours_path, base_path):
                p.parent.mkdir(parents=True)
                prepared(p, instrument)
            ours = (programs(ours_path, instrument)["stick"], ours_path, instrument)
            base = (programs(base_path, instrument)["bare"], base_path, instrument)
            target = "p50 <= 8 ms;p99 <= 16.7 ms" if size == (120, 40) else ""
            label = f"answer cycle {size[0]}x{size[1]} ({answers} answers)"
            lines += compare(label, runs, answers, size, ours, base, target, " (bare save-and-redraw app)")
    return lines


def measure_note(runs: int, answers: int = 30, note_size: int = 1_000_000) -> list[str]:
    """Answers with a 1 MB note in the file, against the same file without it."""
    from benchmarks.synth import with_long_note

    instrument = builtin_instrument()
    with tempfile.TemporaryDirectory() as temp:
        plain_path = Path(temp) / "plain" / "northfield.toml"
        note_path = Path(temp) / "note" / "northfield.toml"
        for p in (plain_path, note_path):
            p.parent.mkdir(parents=True)
        base = prepared(plain_path, instrument)
        prepared(note_path, instrument, with_long_note(base, note_size))
        ours = (programs(note_path, instrument)["stick"], note_path, instrument)
        without = (programs(plain_path, instrument)["stick"], plain_path, instrument)
        return compare(
            f"answer cycle, 1 MB note ({answers} answers)",
            runs,
            answers,
            (120, 40),
            ours,
            without,
            "answers <= 2x",
            " (the same file without the note)",
        )


def measure_big(runs: int, times: int, answers: int = 30) -> list[str]:
    """Answers on an instrument `times` the built-in's length, against the built-in."""
    from benchmarks.synth import big_instrument

    builtin = builtin_instrument()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        big_file = big_instrument(folder, times)
        big = load_instrument(big_file)
        big_path = folder / "big" / "a.toml"
        small_path = folder / "small" / "a.toml"
        for p in (big_path, small_path):
            p.parent.mkdir(parents=True)
        prepared(big_path, big)
        prepared(small_path, builtin)
        ours = (programs(big_path, big, big_file)["stick"], big_path, big)
        base = (programs(small_path, builtin)["stick"], small_path, builtin)
        return compare(
            f"answer cycle, {times}x instrument ({len(big.questions)} q)",
            runs,
            answers,
            (120, 40),
            ours,
            base,
            "",
            " (the built-in instrument)",
        )


__all__ = ["assessment", "measure", "measure_big", "measure_note", "replace"]
