"""`stick new --from EARLIER.toml`: start next year's review from an earlier assessment and print its path.

The new file is written beside EARLIER, where the earlier one is found again by
name; the organisation and instrument are EARLIER's, so --org and --dir are
refused rather than quietly ignored.
"""

from __future__ import annotations

import argparse
from dataclasses import replace

from surveys.editing.next_review import create_next_review, next_review
from surveys.errors import StickError
from surveys.instruments.opening import open_assessment
from surveys.model.dates import read_date
from surveys.panel.keys import GROUP_KEY
from surveys.terminal_text import terminal_safe
from tui.group_arg import rater_group_given


def run(args: argparse.Namespace) -> int:
    if args.org is not None:
        raise StickError("--org cannot be used with --from: next year's review is of the organisation EARLIER assessed")
    if args.dir is not None:
        raise StickError("--dir cannot be used with --from: next year's review is written beside EARLIER")
    try:
        on = read_date(args.date) if args.date.strip() else None
    except ValueError as exc:
        raise StickError(f"--date: {exc}") from None
    if args.respondent is not None and not args.respondent.strip():
        raise StickError("--respondent must not be empty")
    # Read with its own instrument (or --instrument), so a file that cannot be opened makes nothing.
    earlier = open_assessment(args.earlier, args.instrument)
    assessment = next_review(
        earlier.assessment,
        earlier.path,
        on=on,
        respondent=args.respondent,
        role=args.role,
        instrument_version=earlier.instrument.version,
    )
    if args.group is not None:  # the rater's group this year (a review otherwise keeps the earlier one's)
        assessment = replace(assessment, extra={**assessment.extra, GROUP_KEY: rater_group_given(args.group)})
    print(terminal_safe(str(create_next_review(earlier.path, assessment))))
    return 0
