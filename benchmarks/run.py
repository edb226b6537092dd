"""Run the benchmarks: each figure beside its baseline, medians of several runs.

python -m benchmarks.run                 # everything (export up to 10,000 files: minutes)
python -m benchmarks.run --quick         # fewer runs, export up to 1,000 files
python -m benchmarks.run first-frame answer-cycle interview-start export
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ALL = ("first-frame", "answer-cycle", "interview-start", "export")


def machine() -> str:
    cpus = os.cpu_count()
    return f"{platform.system()} {platform.machine()}, {cpus} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description="stick's benchmarks")
    parser.add_argument("which", nargs="*", help=f"any of: {', '.join(ALL)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="fewer runs and smaller exports")
    parser.add_argument("--pyz", type=Path, help="also time this stick.pyz against the installed app")
    args = parser.parse_args()
    which = args.which or list(ALL)
    unknown = set(which) - set(ALL)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    runs = 5 if args.quick else 15
    print(f"stick benchmarks on {machine()}")
    if "first-frame" in which:
        from benchmarks import first_frame

        built = ROOT / "dist" / "stick.pyz"
        pyz = args.pyz or (built if built.exists() else None)
        print("\n".join(first_frame.measure(runs, pyz)), flush=True)
    if "answer-cycle" in which:
        from benchmarks import answer_cycle

        print("\n".join(answer_cycle.measure(30 if args.quick else 60)), flush=True)
    if "interview-start" in which:
        from benchmarks import interview_start

        print("\n".join(interview_start.measure(runs)), flush=True)
    if "export" in which:
        from benchmarks import export_bench

        sizes = [1, 100, 1000] if args.quick else [1, 100, 1000, 10000]
        print("\n".join(export_bench.measure(sizes)), flush=True)


if __name__ == "__main__":
    main()
