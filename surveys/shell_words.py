"""A command line quoted for the shell it will be pasted into.

stick prints commands to carry on ("To carry on, run: ..."), and file names are
made from what people type: an organisation named `x&calc&y` must not give a
line that runs calc when pasted. POSIX shells get `shlex.quote`. On Windows, cmd
treats `& | < > ^` as syntax outside double quotes, and PowerShell expands `$`
and backticks inside them, so each gets its own quoting.

The command starts the way this stick was started (`program_words`): the
installed `stick`, `python stick.pyz` as the user typed it, or
`python -m tui`, so the line works where it is printed.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from collections.abc import Callable, Mapping, Sequence
from enum import Enum


class Shell(Enum):
    POSIX = "posix"
    CMD = "cmd"
    POWERSHELL = "powershell"


_PLAIN_WINDOWS = re.compile(r"[A-Za-z0-9_\-.:/\\]+")
# PowerShell takes the curly single quotes as quotes too.
_PS_SINGLE = re.compile("['\u2018\u2019\u201a\u201b]")


def shell_in_use(os_name: str, environ: Mapping[str, str]) -> Shell:
    """POSIX off Windows; on Windows cmd (which sets PROMPT for its children), else PowerShell."""
    if os_name != "nt":
        return Shell.POSIX
    return Shell.CMD if "PROMPT" in environ else Shell.POWERSHELL


def program_words(
    *, argv0: str, typed_python: str, executable: str, main_module: str | None, on_path: Callable[[], str | None]
) -> list[str]:
    """The words that start stick again as it was started this time.

    `argv0` is sys.argv[0]; `typed_python` the interpreter as typed (sys.orig_argv[0]),
    `main_module` the name of __main__'s spec, `on_path` finds `stick` on PATH.
    """
    if main_module in ("tui", "tui.__main__"):
        return [executable or "python", "-m", "tui"]
    if argv0.lower().endswith(".pyz"):
        return [typed_python or executable or "python", argv0]
    if os.path.splitext(os.path.basename(argv0))[0].lower() == "stick":
        found = on_path()
        # The script PATH finds is this one: its short name is what the user typed.
        if found is not None and _same_program(found, argv0):
            return ["stick"]
        return [argv0]
    return ["stick"]  # run inside another program (a test, an embedding): the installed name


def _same_program(a: str, b: str) -> bool:
    # Windows runs `stick.exe` for `stick`: the suffix is no difference.
    def norm(p: str) -> str:
        return os.path.normcase(os.path.splitext(os.path.abspath(p))[0])

    return norm(a) == norm(b)


def invoked_as() -> list[str]:
    """program_words for this process."""
    import shutil

    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    typed = getattr(sys, "orig_argv", None) or [""]
    return program_words(
        argv0=sys.argv[0] if sys.argv else "",
        typed_python=typed[0],
        executable=sys.executable,
        main_module=getattr(spec, "name", None),
        on_path=lambda: shutil.which("stick"),
    )


def how_to_run(*words: str) -> str:
    """A stick command line (`how_to_run("check", path)`), started as this stick was, quoted for the shell in use."""
    return command_for([*invoked_as(), *words], shell_in_use(os.name, os.environ))


def command_for(words: Sequence[str], shell: Shell) -> str:
    if shell is Shell.POSIX:
        return shlex.join(words)
    quote = _cmd_word if shell is Shell.CMD else _powershell_word
    line = " ".join(quote(word) for word in words)
    if shell is Shell.POWERSHELL and words and quote(words[0]) != words[0]:
        # A quoted first word is a string to PowerShell, not a program: `&` runs it.
        line = "& " + line
    return line


def _cmd_word(word: str) -> str:
    if word and _PLAIN_WINDOWS.fullmatch(word):
        return word
    # Inside double quotes cmd takes & | < > ^ as text; a quote (never in a Windows
    # file name) is doubled so the quoting stays balanced.
    return '"' + word.replace('"', '""') + '"'


def _powershell_word(word: str) -> str:
    if word and _PLAIN_WINDOWS.fullmatch(word):
        return word
    # Single-quoted PowerShell strings expand nothing; a quote inside is doubled.
    return "'" + _PS_SINGLE.sub(lambda m: m.group(0) * 2, word) + "'"
