"""First frame: `stick FILE` against a bare Textual app, CPU time of the process tree.

Both run under a pseudo-terminal of 80x24 and quit at once through Textual's
TEXTUAL_PRESS=ctrl+q. Runs are interleaved so drift on a shared machine hits
both alike; the figure is the median of each.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks.childenv import child_env
from benchmarks.ptyrun import run_in_pty
from benchmarks.stats import line, median
from benchmarks.synth import assessment
from surveys.response_file import save_assessment

ROOT = Path(__file__).resolve().parent.parent


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
        env = child_env(TEXTUAL_PRESS="ctrl+q", TERM="xterm-256color")
        for argv in commands.values():  # warm the disk cache and __pycache__ once
            run_in_pty(argv, env)
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, argv in commands.items():
                run = run_in_pty(argv, env)
                if run.status != 0:
                    raise SystemExit(f"{name} exited {run.status}: {run.output[-500:]!r}")
                cpu[name].append(run.cpu)
    bare, ours = median(cpu["bare"]), median(cpu["stick"])
    lines = [line("first frame (stick FILE vs bare)", ours, bare, "s CPU", "<= 1.15x (goal 1.10x)")]
    if pyz is not None:
        lines.append(line("first frame (stick.pyz vs stick)", median(cpu["pyz"]), ours, "s CPU", "<= 1.20x"))
    return lines
