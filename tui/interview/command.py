"""`stick interview FILE [--plain]`: open the file, pick the mode, exit 0 when stopped.

questionary and prompt_toolkit are imported only when the questionary mode
runs, so `stick` starts without them and the plain mode works where they
cannot (no terminal, TERM=dumb, input from a pipe).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from surveys.editing.session import EditingSession
from surveys.errors import StickError
from surveys.files.atomic import clear_stale_temps
from surveys.files.guarded_file import GuardedFile
from surveys.instruments.opening import Opened, open_assessment
from surveys.locks.lock import FileLock
from surveys.shell_words import how_to_run
from tui.interview.flow import Walk
from tui.interview.line_io import ConsoleIO, LineIO, StreamIO
from tui.interview.plain import run_plain


def no_terminal(file: Path) -> str:
    plain = how_to_run("interview", str(file), "--plain")
    return f"no terminal to ask the questions in; run {plain} to answer line by line"


NO_INPUT = "no input to read answers from; run it in a console or pipe the answers in"


def wants_plain(args: argparse.Namespace) -> bool:
    """--plain, or a place where redrawing a menu cannot work or cannot be heard.

    ACCESSIBLE=1 is the convention screen-reader users set (as TERM=dumb is
    for terminals that cannot redraw); any value but empty or 0 counts.
    """
    if args.plain or os.environ.get("TERM") == "dumb" or os.environ.get("ACCESSIBLE", "") not in ("", "0"):
        return True
    return not (_is_tty(sys.stdin) and _is_tty(sys.stdout))


def _is_tty(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def run(args: argparse.Namespace) -> int:
    if sys.stdin is None or sys.stdout is None:
        # A program started without a console (pythonw on Windows): nothing to read or write.
        raise StickError(NO_INPUT if args.plain else no_terminal(args.file))
    opened = open_assessment(args.file, args.instrument)
    clear_stale_temps(opened.path.parent)
    with FileLock(opened.path, "stick interview"):
        # Read again under the lock; from here on a change behind us stops the interview (exit 2).
        guarded = GuardedFile(opened.path)
        return _interview(args, opened._replace(assessment=guarded.load()), guarded)


def _interview(args: argparse.Namespace, opened: Opened, guarded: GuardedFile) -> int:
    walk = Walk(EditingSession(opened.instrument, opened.assessment, guarded.save))
    tolerate_encodings()
    if wants_plain(args):
        line_io: LineIO = ConsoleIO() if _is_tty(sys.stdin) else StreamIO(sys.stdin, sys.stdout, echo=True)
        return run_plain(walk, line_io, opened.path)
    from tui.interview.asker import open_terminal
    from tui.interview.rich import run_rich

    terminal = open_terminal()
    if terminal is None:
        raise StickError(no_terminal(args.file))
    return run_rich(walk, terminal, opened.path)


def tolerate_encodings() -> None:
    # Piped text is read and written as UTF-8 whatever the locale (a script's
    # answers file on Windows would otherwise be read as cp1252; utf-8-sig drops
    # Notepad's BOM). A console in a legacy code page cannot show Urdu: replace
    # what cannot be shown or read rather than stop mid-interview.
    for stream in (sys.stdin, sys.stdout):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        if _is_tty(stream):
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8-sig" if stream is sys.stdin else "utf-8", errors="replace")
