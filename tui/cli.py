"""The `stick` command line: parses arguments and hands each command to its module.

Command modules are imported only when their command runs, so `stick check`
never pays for Textual and the app never pays for openpyxl or questionary.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from surveys import __version__
from surveys.errors import StickError
from surveys.shell_words import how_to_run
from surveys.terminal_text import terminal_safe

# command -> module whose run(args) -> int carries it out
_HANDLERS = {
    "new": "tui.cmd_new",
    "check": "tui.cmd_check",
    "report": "tui.cmd_report",
    "interview": "tui.interview.command",
    "export": "tui.cmd_export",
    "unlock": "tui.cmd_unlock",
    "panel": "tui.panel.command",
    "app": "tui.app.command",
}


class UsageError(StickError):
    """Wrong arguments: one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, more_help: Callable[[], str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Built only when help is asked for: it may read an instrument, which a plain run need not.
        self._more_help = more_help

    def format_help(self) -> str:
        text = super().format_help()
        return text + self._more_help() if self._more_help is not None else text

    def error(self, message: str) -> NoReturn:
        # argparse prints usage and the error on two lines; we promise one.
        raise UsageError(f"{message} (see: {self.prog} --help)")


def _app_parser() -> _Parser:
    app = _Parser(
        prog=how_to_run(),
        description="A keyboard-driven equality self-assessment: the deck's race equality framework (the default), "
        "EDS 2022, or an instrument of your own. With no command, opens the app; with FILE, opens that assessment.",
        epilog="Commands: new, check, report, interview, panel, export, unlock (stick COMMAND --help for each).",
    )
    app.add_argument("--version", action="version", version=f"stick {__version__}")
    app.add_argument("file", nargs="?", type=Path, help="an assessment to open at its first unanswered question")
    _folder(app)
    _instrument(app)
    return app


def _command_parser() -> _Parser:
    commands = _Parser(prog=how_to_run())
    sub = commands.add_subparsers(dest="command", required=True, parser_class=_Parser)

    new = sub.add_parser(
        "new",
        help="create an empty assessment and print its path",
        description="Create an empty assessment and print its path. With --from EARLIER.toml, start next year's "
        "review from it: the same organisation and instrument, the plan carried forward with each priority's "
        "status to update, written beside EARLIER.",
    )
    new.add_argument("--org", help="the organisation assessed (needed unless --from)")
    new.add_argument("--respondent", help="who answers (needed unless --from, which keeps the earlier one's)")
    new.add_argument("--role", help="the respondent's role")
    new.add_argument(
        "--group",
        help="the rater's group at a grading panel, in your own words: e.g. patient, staff, community, board",
    )
    new.add_argument(
        "--from", dest="earlier", type=Path, metavar="EARLIER.toml", help="start next year's review from this one"
    )
    new.add_argument("--date", default="", help="the assessment's date, e.g. 31/03/2027 or 2027-03-31 (default: today)")
    _folder(new)
    _instrument(new, "an instrument file, or a built-in's id: race-equality-stick (the default) or eds2022")

    check = sub.add_parser("check", help="check an instrument file; every problem as FILE:LINE: message")
    check.add_argument("file", type=Path)

    report = sub.add_parser("report", help="print the result of an assessment")
    report.add_argument("file", type=Path)
    report.add_argument("--json", action="store_true", help="one JSON object instead of text")
    report.add_argument(
        "--history",
        action="store_true",
        help="a panel's agreed file: every change of an agreed rating, with its reason",
    )
    _instrument(report)

    interview = sub.add_parser("interview", help="answer an assessment line by line", more_help=_builtin_words)
    interview.add_argument("file", type=Path)
    interview.add_argument("--plain", action="store_true", help="numbered prompts only: for screen readers and scripts")
    _instrument(interview)

    export = sub.add_parser("export", help="write an Excel workbook for planning teams")
    export.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="assessment files, folders of them, or patterns like *.toml"
    )
    export.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.xlsx")
    export.add_argument("--compare", type=Path, metavar="EARLIER.toml", help="an earlier assessment to compare with")
    export.add_argument(
        "--force", action="store_true", help="overwrite OUT.xlsx if it exists; compare even what --compare refuses"
    )
    export.add_argument("--skip-bad", action="store_true", help="skip files that cannot be read, listing them")
    _instrument(export)

    panel = sub.add_parser(
        "panel",
        help="bring several raters' assessments to one agreed rating",
        description="The facilitator's panel over several raters' assessments (files or folders of them; the same "
        "organisation and instrument): per question the spread of their answers by group, the proposed rating "
        "(the median, rounded to the lower option) and the agreed one, with a reason where it departs. "
        "The agreed assessment is saved at once, beside the raters unless -o names it.",
    )
    panel.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="the raters' assessments, or folders of them"
    )
    panel.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="AGREED.toml",
        help="the agreed file, new or to carry on with (default: ORGANISATION-panel-DATE.toml beside the raters)",
    )
    panel.add_argument("--plain", action="store_true", help="line by line: for screen readers and scripts")
    _instrument(panel)

    unlock = sub.add_parser("unlock", help="break the lock of a stick that stopped on another machine")
    unlock.add_argument("file", type=Path)
    unlock.add_argument("--yes", action="store_true", help="do not ask first")
    return commands


def _builtin_words() -> str:
    """The built-in instrument's glossary, for `stick interview --help`: the words an interviewer may be asked."""
    import textwrap

    from surveys.instruments.glossary import glossary_lines
    from surveys.instruments.instrument_file import builtin_instrument

    lines = [
        textwrap.fill(line, 78, initial_indent="  ", subsequent_indent="    ")
        for line in glossary_lines(builtin_instrument())
    ]
    return "\nwords used by the built-in instrument:\n" + "\n".join(lines) + "\n" if lines else ""


def _folder(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dir",
        type=Path,
        help="the folder for assessments (default: STICK_DIR, else Documents/stick)",
    )


def _instrument(
    parser: argparse.ArgumentParser, text: str = "the instrument file (or a built-in's id), if not the one recorded"
) -> None:
    parser.add_argument("--instrument", type=Path, help=text)


def parse(argv: Sequence[str]) -> argparse.Namespace:
    # Only the parser in use is built: `stick FILE` is the start that is timed.
    if argv and argv[0] in _HANDLERS and argv[0] != "app":
        return _command_parser().parse_args(argv)
    if argv:
        _refuse_unknown_command(argv[0], argv[1:])
    args = _app_parser().parse_args(argv)
    args.command = "app"
    return args


def _refuse_unknown_command(word: str, rest: Sequence[str]) -> None:
    """`stick intervew FILE` is a misspelt command, not a file named 'intervew' with one argument too many."""
    if word.startswith("-") or Path(word).suffix or "/" in word or "\\" in word or Path(word).exists():
        return  # a file to open, or an option
    import difflib

    commands = [c for c in _HANDLERS if c != "app"]
    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    see = f"(see: {how_to_run('--help')})"
    if close:
        raise UsageError(f"unknown command {word!r}; did you mean {close[0]!r}? {see}")
    if rest:
        raise UsageError(f"unknown command {word!r}; the commands are {', '.join(commands)} {see}")


def _recovered(args: argparse.Namespace) -> argparse.Namespace:
    # Under LANG=C Python decodes the arguments as ASCII and keeps other bytes as
    # surrogates, which no file can hold: read the words (not the paths) as the
    # UTF-8 a terminal sends, replacing what is not.
    for name, value in vars(args).items():
        if isinstance(value, str) and any("\udc80" <= c <= "\udcff" for c in value):
            raw = value.encode(sys.getfilesystemencoding(), "surrogateescape")
            setattr(args, name, raw.decode("utf-8", "replace"))
    return args


def run(argv: Sequence[str]) -> int:
    try:
        args = _recovered(parse(argv))
        if args.command != "app":
            gc.enable()  # see main(): only the app's start runs without it
        module = importlib.import_module(_HANDLERS[args.command])
        code: int = module.run(args)
        return code
    except StickError as exc:
        print(f"stick: {terminal_safe(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`stick report FILE | head`): nothing more to say.
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        print("stick: interrupted", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main() -> NoReturn:
    # Starting the app creates a few hundred thousand objects that live until
    # it ends (Textual, the instrument, the screen); collecting while they are
    # made only walks them again and again. The app turns collection back on
    # after its first frame (tui.app.app), every other command at once (run).
    gc.disable()
    _tolerate_output_encodings()
    sys.exit(run(sys.argv[1:]))


def _tolerate_output_encodings() -> None:
    # A console or a redirect in cp1252, ASCII or latin-1 (Windows, LANG=C) cannot
    # show Urdu or a bidi escape: replace what it cannot encode rather than crash
    # after a file was written and before its path is printed.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")
