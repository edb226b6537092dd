"""First frame: `stick FILE` against a bare Textual app, CPU time of the process tree.

Both run under a pseudo-terminal of 80x24 and quit through Textual's
TEXTUAL_PRESS. Runs are interleaved so drift on a shared machine hits both
alike; the figure is the median of each, and the least of each is shown too.

A plain TEXTUAL_PRESS=ctrl+q quits before anything is painted: Textual presses
the key as soon as the app is ready, and the bare app's label never reaches
the terminal (nor does our question). That would time start-up and shut-down,
not a first frame. So the key waits PAINT_WAIT_MS (Textual's own `wait:`
step, idle time), and every run is checked to have painted its frame: the
label for the bare app, the question for ours.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.childenv import child_env
from benchmarks.ptyrun import run_in_pty
from benchmarks.stats import line, median, spread
from benchmarks.synth import assessment
from surveys.files.response_file import save_assessment

ROOT = Path(__file__).resolve().parent.parent
PAINT_WAIT_MS = 30
PRESS = f"wait:{PAINT_WAIT_MS},ctrl+q"
# What each must have painted before it quits (escape sequences removed).
PAINTED = {"bare": "stick", "pyz": "Question "}
_ESCAPE = re.compile(r"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-Za-z]|[=>78])")


def painted(output: bytes, marker: str) -> bool:
    return marker in _ESCAPE.sub("", output.decode("utf-8", "replace"))


def _cpu_runs(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """CPU time of each command's process tree to its painted first frame, the commands taking turns."""
    env = child_env(TERM="xterm-256color", TEXTUAL_PRESS=PRESS)
    for argv in commands.values():  # warm the disk cache and __pycache__ once
        run_in_pty(argv, env)
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            run = run_in_pty(argv, env)
            if run.status != 0:
                raise SystemExit(f"{name} exited {run.status}: {run.output[-500:]!r}")
            if not painted(run.output, PAINTED.get(name, "Question ")):
                raise SystemExit(f"{name} quit before painting its first frame: raise PAINT_WAIT_MS")
            cpu[name].append(run.cpu)
    return cpu


def _wall_runs(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Wall time from start to the frame that shows each one's marker, read from the terminal; in turn."""
    from benchmarks.terminal import Terminal, plain

    env = child_env(TERM="xterm-256color")
    wall: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            term = Terminal(argv, env)
            try:
                marker = PAINTED.get(name, "Question ").encode()
                while marker not in plain(bytes(term.output)):
                    if not term._pump(0.002):
                        raise SystemExit(f"{name} left before its first frame")
                wall[name].append(time.monotonic() - term.started)
                term.type(b"\x11")
                term.wait_exit()
            finally:
                term.close()
    return wall


def measure_heavy(runs: int, which: str) -> list[str]:
    """The first frame with a 1 MB note ("note"), or on instruments 10 and 100 times the built-in's length ("big")."""
    from benchmarks.synth import big_instrument, with_long_note

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for name in ("plain", "note", "x10", "x100"):
            (folder / name).mkdir()
        base = assessment(7, answered=12)
        save_assessment(folder / "plain" / "a.toml", base)
        save_assessment(folder / "note" / "a.toml", with_long_note(base, 1_000_000))
        commands = {"stick": [sys.executable, "-m", "tui", str(folder / "plain" / "a.toml")]}
        if which == "note":
            commands["note"] = [sys.executable, "-m", "tui", str(folder / "note" / "a.toml")]
        from surveys.instruments.instrument_file import load_instrument
        from surveys.model.responses import new_assessment

        for times in (10, 100) if which == "big" else ():
            path = big_instrument(folder / f"x{times}", times)
            big = load_instrument(path)
            target = folder / f"x{times}" / "a.toml"
            save_assessment(target, new_assessment("Northfield PCT", "Ann", "Lead", big.id, big.version))
            commands[f"x{times}"] = [sys.executable, "-m", "tui", str(target), "--instrument", str(path)]
        cpu = _cpu_runs(commands, runs)
    ours = median(cpu["stick"])
    if which == "note":
        return [
            line("first frame, 1 MB note vs without", median(cpu["note"]), ours, "s CPU", "<= 1.3x"),
            f"{'':<40} runs {spread(cpu['note'], 's', 3)}; without {spread(cpu['stick'], 's', 3)}",
        ]
    return [
        line("first frame, 10x instrument (330 q)", median(cpu["x10"]), ours, "s CPU"),
        line("first frame, 100x instrument (3,300 q)", median(cpu["x100"]), ours, "s CPU"),
        f"{'':<40} runs 10x {spread(cpu['x10'], 's', 3)}; 100x {spread(cpu['x100'], 's', 3)}",
    ]


def measure(runs: int, pyz: Path | None = None) -> list[str]:
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "northfield.toml"
        save_assessment(path, assessment(7, answered=12))
        commands = {
            "bare": [sys.executable, str(ROOT / "benchmarks" / "bare_app.py")],
            "stick": [sys.executable, "-m", "tui", str(path)],
        }
        if pyz is not None:
            commands["pyz"] = [sys.executable, str(pyz), str(path)]
        cpu = _cpu_runs(commands, runs)
        wall = _wall_runs({k: v for k, v in commands.items() if k != "pyz"}, runs)
    bare, ours = median(cpu["bare"]), median(cpu["stick"])
    lines = [
        line("first frame, wall to the painted frame", median(wall["stick"]), median(wall["bare"]), "s"),
        f"{'':<40} runs {spread(wall['stick'], 's', 3)}; baseline {spread(wall['bare'], 's', 3)}",
        line("first frame (stick FILE vs one label)", ours, bare, "s CPU", "<= 1.25x (goal 1.15x)"),
        f"{'':<40} runs {spread(cpu['stick'], 's', 3)}; baseline {spread(cpu['bare'], 's', 3)}",
        line("  least of each", min(cpu["stick"]), min(cpu["bare"]), "s CPU"),
    ]
    if pyz is not None:
        lines.append(line("first frame (stick.pyz vs stick)", median(cpu["pyz"]), ours, "s CPU", "<= 1.15x"))
        lines.append(f"{'':<40} runs {spread(cpu['pyz'], 's', 3)}")
    return lines
