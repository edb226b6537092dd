"""Export: N synthetic assessments merged into one workbook, time and peak memory.

Each size runs `stick export` in a fresh process (peak memory is that
process's maximum resident set), then the floor script writes the same cells
with bare write-only openpyxl, taking turns: the medians of several runs are
compared (10,000 files take a minute a pair, so they run at most three times).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.childenv import child_env
from benchmarks.stats import line, median, spread
from benchmarks.synth import write_many

ROOT = Path(__file__).resolve().parent.parent
# As an installed copy runs: from bytecode (see benchmarks/childenv.py).
CHILD_ENV = child_env()
BIG = 10000
BIG_RUNS = 3


def _peak_mb(argv: list[str]) -> tuple[float, float]:
    # Run through a tiny wrapper so each measurement sees only its own child's peak.
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:]); w = time.perf_counter() - t; "
        "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, file=sys.stderr); "
        "sys.exit(r.returncode)"
    )
    done = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, env=CHILD_ENV)
    if done.returncode != 0:
        raise SystemExit(f"{argv[:4]} failed: {done.stderr[-800:]}")
    wall, peak = done.stderr.strip().splitlines()[-1].split()
    return float(wall), float(peak)


def measure(sizes: list[int], runs: int = 5) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        made = 0
        paths: list[Path] = []
        # Untimed: lets the first child write our modules' bytecode, so size 1 is warm too.
        subprocess.run(
            [
                sys.executable,
                "-m",
                "tui",
                "export",
                *map(str, write_many(folder / "warm", 1)),
                "-o",
                str(folder / "warm.xlsx"),
                "--force",
            ],
            check=True,
            env=CHILD_ENV,
            stdout=subprocess.DEVNULL,
        )
        for size in sizes:
            if size > made:
                paths += write_many(folder / "in", size)[made:]
                made = size
            ours = folder / f"ours-{size}.xlsx"
            floor_script = str(ROOT / "benchmarks" / "export_floor.py")
            cells = folder / f"cells-{size}.pickle"
            walls, floors, peaks = [], [], []
            for run in range(min(runs, BIG_RUNS) if size >= BIG else runs):
                wall, peak = _peak_mb(
                    [sys.executable, "-m", "tui", "export", *map(str, paths[:size]), "-o", str(ours), "--force"]
                )
                if run == 0:
                    subprocess.run(
                        [sys.executable, floor_script, "prepare", str(ours), str(cells)], check=True, env=CHILD_ENV
                    )
                floor, _ = _peak_mb([sys.executable, floor_script, "write", str(cells), str(folder / "floor.xlsx")])
                walls.append(wall)
                floors.append(floor)
                peaks.append(peak)
            wall, floor, peak = median(walls), median(floors), max(peaks)
            target = "<= 1.7x" if size == 1000 else ""
            lines.append(line(f"export {size:>6} files (wall)", wall, floor, "s", target))
            goal = "  target <= 100 MB" if size == BIG else ""
            ratios = [w / f for w, f in zip(walls, floors, strict=True)]
            lines.append(
                f"{'':<40} {len(walls)} runs: ratios {spread(ratios, 'x', 2)}; peak memory {peak:.1f} MB{goal}"
            )
    return lines
