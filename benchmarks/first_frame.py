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
from pathlib import Path

from benchmarks.childenv import child_env
from benchmarks.ptyrun import run_in_pty
from benchmarks.stats import line, median
from benchmarks.synth import assessment
from surveys.response_file import save_assessment

ROOT = Path(__file__).resolve().parent.parent
PAINT_WAIT_MS = 30
PRESS = f"wait:{PAINT_WAIT_MS},ctrl+q"
# What each must have painted before it quits (escape sequences removed).
PAINTED = {"bare": "stick", "stick": "Question ", "pyz": "Question "}
_ESCAPE = re.compile(r"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-Za-z]|[=>78])")


def painted(output: bytes, marker: str) -> bool:
    return marker in _ESCAPE.sub("", output.decode("utf-8", "replace"))


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
        env = child_env(TEXTUAL_PRESS=PRESS, TERM="xterm-256color")
        for argv in commands.values():  # warm the disk cache and __pycache__ once
            run_in_pty(argv, env)
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, argv in commands.items():
                run = run_in_pty(argv, env)
                if run.status != 0:
                    raise SystemExit(f"{name} exited {run.status}: {run.output[-500:]!r}")
                if not painted(run.output, PAINTED[name]):
                    raise SystemExit(f"{name} quit before painting its first frame: raise PAINT_WAIT_MS")
                cpu[name].append(run.cpu)
    bare, ours = median(cpu["bare"]), median(cpu["stick"])
    lines = [
        line("first frame (stick FILE vs bare)", ours, bare, "s CPU", "<= 1.15x (goal 1.10x)"),
        line("  least of each", min(cpu["stick"]), min(cpu["bare"]), "s CPU"),
    ]
    if pyz is not None:
        lines.append(line("first frame (stick.pyz vs stick)", median(cpu["pyz"]), ours, "s CPU", "<= 1.20x"))
        lines.append(line("  least of each", min(cpu["pyz"]), min(cpu["stick"]), "s CPU"))
    return lines
