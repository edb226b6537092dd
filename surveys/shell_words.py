"""A command line quoted for the shell it will be pasted into.

stick prints commands to carry on ("To carry on, run: ..."), and file names are
made from what people type: an organisation named `x&calc&y` must not give a
line that runs calc when pasted. POSIX shells get `shlex.quote`. On Windows, cmd
treats `& | < > ^` as syntax outside double quotes, and PowerShell expands `$`
and backticks inside them, so each gets its own quoting.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping, Sequence
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


def command_for(words: Sequence[str], shell: Shell) -> str:
    if shell is Shell.POSIX:
        return shlex.join(words)
    quote = _cmd_word if shell is Shell.CMD else _powershell_word
    return " ".join(quote(word) for word in words)


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
