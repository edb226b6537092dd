"""Run the benchmarks: each figure beside its baseline, run in turn with it, medians and spreads of several runs.

python -m benchmarks.run                 # everything: about 10 minutes on two cores
python -m benchmarks.run --quick         # fewer runs and smaller folders and exports
python -m benchmarks.run NAME ...        # any of the names below
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ALL = ("first-frame", "answer-cycle", "note", "big-instrument", "folder", "interview-start", "export")


def machine() -> str:
    cpus = os.cpu_count()
    return f"{platform.system()} {platform.machine()}, {cpus} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description="stick's benchmarks")
    parser.add_argument("which", nargs="*", help=f"any of: {', '.join(ALL)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller folders and exports")
    parser.add_argument("--runs", type=int, help="runs of each (default 5; 3 with --quick)")
    parser.add_argument("--pyz", type=Path, help="also time this stick.pyz against the installed app")
    args = parser.parse_args()
    which = args.which or list(ALL)
    unknown = set(which) - set(ALL)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    runs = args.runs or (3 if args.quick else 5)
    print(f"stick benchmarks on {machine()}; {runs} runs of each, taking turns with their baselines", flush=True)

    def show(lines: list[str]) -> None:
        print("\n".join(lines), flush=True)

    if "first-frame" in which:
        from benchmarks import first_frame

        built = ROOT / "dist" / "stick.pyz"
        show(first_frame.measure(3 * runs, args.pyz or (built if built.exists() else None)))
    if "answer-cycle" in which:
        from benchmarks import answer_cycle

        show(answer_cycle.measure(runs, 40 if args.quick else 100))
    if "note" in which:
        from benchmarks import answer_cycle, first_frame

        show(first_frame.measure_heavy(runs, "note"))
        show(answer_cycle.measure_note(runs))
    if "big-instrument" in which:
        from benchmarks import answer_cycle, first_frame

        show(first_frame.measure_heavy(runs, "big"))
        for times in (10, 100):
            show(answer_cycle.measure_big(runs, times))
    if "folder" in which:
        from benchmarks import folder_bench

        show(folder_bench.measure([100, 1000] if args.quick else [100, 1000, 10000], runs))
    if "interview-start" in which:
        from benchmarks import interview_start

        show(interview_start.measure(3 * runs))
    if "export" in which:
        from benchmarks import export_bench

        show(export_bench.measure([1, 100, 1000] if args.quick else [1, 100, 1000, 10000], runs))


if __name__ == "__main__":
    main()
