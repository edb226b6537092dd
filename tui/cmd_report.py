"""`stick report FILE [--json]`: the result in plain text or one JSON object."""

from __future__ import annotations

import argparse

from surveys.report import report_json, report_lines
from surveys.scoring import score
from surveys.session import open_assessment
from surveys.terminal_text import json_text, terminal_safe


def run(args: argparse.Namespace) -> int:
    opened = open_assessment(args.file, args.instrument)
    result = score(opened.instrument, opened.assessment)
    if args.json:
        print(json_text(report_json(opened.instrument, opened.assessment, result), ensure_ascii=False, indent=2))
    else:
        lines = report_lines(opened.instrument, opened.assessment, result)
        print("\n".join(terminal_safe(line, keep="\n\t") for line in lines))
    return 0
