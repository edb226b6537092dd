"""Export: N synthetic assessments merged into one workbook, time and peak memory.

Each size runs `stick export` in a fresh process (peak memory is that
process's maximum resident set), then the floor script writes the same cells
with bare write-only openpyxl, side by side: three times each up to 1,000
files (the medians are compared), once for 10,000.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.childenv import child_env
from benchmarks.stats import line, median
from benchmarks.synth import write_many

ROOT = Path(__file__).resolve().parent.parent
# As an installed copy runs: from bytecode (see benchmarks/childenv.py).
CHILD_ENV = child_env()
# Sizes up to this are run several times, interleaved with the floor, and the
# medians compared; 10,000 files take a minute a run, so they run once.
REPEAT_UP_TO = 1000
REPEATS = 3


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


def measure(sizes: list[int]) -> list[str]:
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
            for run in range(REPEATS if size <= REPEAT_UP_TO else 1):
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
            target = "<= 2.0x" if size == 1000 else ""
            lines.append(line(f"export {size:>6} files (wall)", wall, floor, "s", target))
            goal = "  target <= 150 MB" if size == 10000 else ""
            lines.append(f"{'':<34} peak memory {peak:7.1f} MB{goal}")
    return lines
