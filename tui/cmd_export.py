"""`stick export FILE|FOLDER... -o OUT.xlsx`: the Excel workbook for planning teams.

A folder stands for its assessments and `*.toml` is expanded here, for the
Windows shells that do not (tui.export_args).

openpyxl is imported only here, when an export runs. The progress bar goes to
standard error, and only when that is a terminal, so scripts and pipes see
nothing but the output path.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from surveys.terminal_text import terminal_safe

BAR_WIDTH = 30
_EVERY = 0.1  # seconds between redraws: a merge of thousands must not spend its time drawing


class ProgressBar:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.drawn = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.drawn < _EVERY:
            return
        self.drawn = now
        filled = BAR_WIDTH * done // max(total, 1)
        self.stream.write(f"\rexport [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (BAR_WIDTH + 30) + "\r")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from exports.workbook import export_workbook
    from tui.export_args import export_files

    given = export_files(args.files)
    for path, reason in given.passed_over:
        print(terminal_safe(f"stick: skipped {path}: {reason}"), file=sys.stderr)
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    try:
        summary = export_workbook(
            given.files,
            args.output,
            compare=args.compare,
            force=args.force,
            skip_bad=args.skip_bad,
            instrument=args.instrument,
            progress=bar,
        )
    finally:
        if bar is not None:
            bar.close()
    for path, reason in summary.skipped:
        print(terminal_safe(f"stick: skipped {path}: {reason}"), file=sys.stderr)
    print(terminal_safe(str(summary.output)))
    return 0
