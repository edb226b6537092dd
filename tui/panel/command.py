"""`stick panel FILE|FOLDER... [--plain] [-o AGREED.toml]`: open the panel, pick the front end.

Without --plain (and with a terminal) the app's panel screen opens
(tui.app.panel_launch, imported only then); --plain, a pipe, TERM=dumb or
ACCESSIBLE=1 give the line-by-line mode.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from surveys.errors import StickError
from surveys.panel.opening import open_panel
from tui.export_args import expanded
from tui.interview.command import NO_INPUT, tolerate_encodings, wants_plain
from tui.interview.line_io import ConsoleIO, LineIO, StreamIO
from tui.panel.plain import run_panel_plain


def run(args: argparse.Namespace) -> int:
    if sys.stdin is None or sys.stdout is None:
        raise StickError(NO_INPUT)
    if not wants_plain(args):
        try:
            launch = importlib.import_module("tui.app.panel_launch")
        except ModuleNotFoundError as exc:
            if exc.name != "tui.app.panel_launch":
                raise
            raise StickError("this stick has no panel screen yet; run it with --plain") from None
        code: int = launch.run(
            [path for argument in args.files for path in expanded(argument)], args.output, instrument=args.instrument
        )
        return code
    tolerate_encodings()
    # `*.toml` as cmd and PowerShell pass it, expanded as export does; a folder stays a folder, read again as it fills.
    files = [path for argument in args.files for path in expanded(argument)]
    with open_panel(files, args.output, instrument=args.instrument) as session:
        io: LineIO = ConsoleIO() if sys.stdin.isatty() else StreamIO(sys.stdin, sys.stdout, echo=True)
        return run_panel_plain(session, io)
