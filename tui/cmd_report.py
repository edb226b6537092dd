"""`stick report FILE [--json]`: the result in plain text or one JSON object."""

from __future__ import annotations

import argparse
import json

from surveys.report import report_json, report_lines
from surveys.scoring import score
from surveys.session import open_assessment


def run(args: argparse.Namespace) -> int:
    opened = open_assessment(args.file, args.instrument)
    result = score(opened.instrument, opened.assessment)
    if args.json:
        print(json.dumps(report_json(opened.instrument, opened.assessment, result), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report_lines(opened.instrument, opened.assessment, result)))
    return 0
