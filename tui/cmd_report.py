"""`stick report FILE [--json] [--history]`: the result in plain text or one JSON object.

A panel's agreed file adds the panel's part (surveys.panel.report): who rated,
each question's spread and agreed rating, where it departs from the median and
why, and what each group alone would have given; --history is its audit trail.

When the file names the assessment it follows (next year's review does), the
report starts with what moved since it. Only that file is read, never the rest
of the folder: a report stays as quick on a share of 10,000 files as on one,
and does not change because someone saved another file beside it.
"""

from __future__ import annotations

import argparse
from typing import Any

from surveys.errors import StickError
from surveys.folders.earlier_file import recorded_earlier
from surveys.instruments.opening import Opened, open_assessment
from surveys.model.panel_mark import is_panel_file
from surveys.panel.report import history_json, history_lines, panel_json, panel_lines
from surveys.results.report import report_json, report_lines
from surveys.results.scoring import Result, score
from surveys.results.what_moved import moved_json, moved_lines, review_moved, since_words
from surveys.terminal_text import json_text, terminal_safe


def _what_moved(opened: Opened, result: Result) -> tuple[str, list[str], dict[str, Any]] | None:
    """What moved since the assessment the file follows, as (heading, lines, JSON); None when it names none."""
    found = recorded_earlier(opened.path, opened.assessment)
    if found is None:
        return None
    path, earlier = found
    instrument = opened.instrument
    moved = review_moved(instrument, earlier, score(instrument, earlier), opened.assessment, result)
    facts = {"earlier": {"file": path.name, "date": earlier.date.isoformat()}, **moved_json(instrument, moved)}
    return since_words(path.name, earlier), moved_lines(instrument, moved), facts


def run(args: argparse.Namespace) -> int:
    opened = open_assessment(args.file, args.instrument)
    panel = is_panel_file(opened.assessment)
    if args.history:
        return _history(args, opened, panel)
    result = score(opened.instrument, opened.assessment)
    moved = _what_moved(opened, result)
    if args.json:
        out = report_json(opened.instrument, opened.assessment, result)
        out["what_moved"] = moved[2] if moved is not None else None
        if panel:
            out["panel"] = panel_json(opened.instrument, opened.assessment)
        print(json_text(out, ensure_ascii=False, indent=2))
    else:
        said = moved[:2] if moved is not None else None
        lines = report_lines(opened.instrument, opened.assessment, result, said)
        if panel:
            lines += panel_lines(opened.instrument, opened.assessment)
        print("\n".join(terminal_safe(line, keep="\n\t") for line in lines))
    return 0


def _history(args: argparse.Namespace, opened: Opened, panel: bool) -> int:
    """`--history`: the agreed file's audit trail, oldest change first."""
    if not panel:
        raise StickError(f"{opened.path}: not a panel's agreed file, so it keeps no history of agreed ratings")
    if args.json:
        print(json_text({"history": history_json(opened.assessment)}, ensure_ascii=False, indent=2))
    else:
        lines = history_lines(opened.instrument, opened.assessment)
        print("\n".join(terminal_safe(line) for line in lines))
    return 0
