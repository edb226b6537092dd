"""`stick check FILE`: every problem in an instrument file, one per line."""

from __future__ import annotations

import argparse
import sys

from surveys.files.textfile import read_bytes
from surveys.instruments.instrument_file import problems_in
from surveys.terminal_text import terminal_safe


def run(args: argparse.Namespace) -> int:
    try:
        data = read_bytes(args.file)
    except OSError as exc:
        print(terminal_safe(f"{args.file}: cannot read: {exc.strerror or exc}"), file=sys.stderr)
        return 2
    instrument, problems = problems_in(data, str(args.file))
    if instrument is None:
        for line in problems:
            print(terminal_safe(line), file=sys.stderr)
        print(
            f"{terminal_safe(str(args.file))}: {len(problems)} problem{'s' if len(problems) != 1 else ''}",
            file=sys.stderr,
        )
        return 2
    print(
        terminal_safe(
            f"{args.file}: ok: {instrument.title} ({instrument.id}, version {instrument.version}), "
            f"{len(instrument.questions)} questions in {len(instrument.sections)} sections"
        )
    )
    return 0
