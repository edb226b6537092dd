"""`stick new`: create an empty assessment and print its path."""

from __future__ import annotations

import argparse

from surveys.errors import StickError
from surveys.folders.storage import create_assessment_file, default_folder
from surveys.instruments.instrument_file import builtin_instrument, is_builtin_name, named_instrument
from surveys.instruments.opening import INSTRUMENT_FILE_KEY, recorded_instrument_path
from surveys.model.dates import read_date
from surveys.model.responses import new_assessment
from surveys.panel.keys import GROUP_KEY
from surveys.terminal_text import terminal_safe
from tui.group_arg import rater_group_given


def run(args: argparse.Namespace) -> int:
    if args.earlier is not None:
        from tui.cmd_new_from import run as run_from

        return run_from(args)
    if args.org is None or args.respondent is None:
        missing = "--org" if args.org is None else "--respondent"
        raise StickError(f"{missing} is needed (or --from EARLIER.toml to start next year's review from it)")
    if not args.org.strip():
        raise StickError("--org must not be empty")
    if not args.respondent.strip():
        raise StickError("--respondent must not be empty")
    try:
        on = read_date(args.date) if args.date.strip() else None
    except ValueError as exc:
        raise StickError(f"--date: {exc}") from None
    group = rater_group_given(args.group)
    folder = args.dir or default_folder()
    instrument = named_instrument(args.instrument) if args.instrument else builtin_instrument()
    # A built-in is found again by its id; only a file needs its place recorded.
    recorded = args.instrument and not is_builtin_name(args.instrument)
    extra = {INSTRUMENT_FILE_KEY: recorded_instrument_path(args.instrument, folder)} if recorded else {}
    if group:
        extra[GROUP_KEY] = group
    assessment = new_assessment(
        args.org.strip(),
        args.respondent.strip(),
        (args.role or "").strip(),
        instrument.id,
        instrument.version,
        on=on,
        extra=extra,
    )
    print(terminal_safe(str(create_assessment_file(folder, assessment))))
    return 0
