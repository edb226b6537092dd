"""The "To carry on, run:" line is quoted for the shell it will be pasted into.

On Windows cmd treats `&` as a command separator and PowerShell expands `$(...)`
inside double quotes: an organisation named `x&calc&y` must give a command that,
pasted, runs stick on that file and nothing else.
"""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from surveys.shell_words import Shell, command_for, shell_in_use

NASTY = [
    r"C:\Users\kim\Documents\stick\x&calc&y-2026-12-01.toml",
    r"C:\Users\kim\Documents\stick\a|b<c>d^e(f)g;h,i=j.toml",
    r"C:\Users\kim\Documents\stick\$(calc)`whoami`.toml",
    r"C:\Users\kim\O'Brien ‘Trust’ 100%.toml",
    "/home/kim/stick/x&calc&y $(id) `id` 'q'.toml",
]


def _cmd_words(line: str) -> list[str]:
    """How cmd.exe splits a line it runs: & | < > ^ act outside double quotes only."""
    words, word, quoted, i = [], "", False, 0
    while i < len(line):
        c = line[i]
        if c == '"':
            quoted = not quoted
        elif not quoted and c in "&|<>":
            raise AssertionError(f"cmd would act on {c!r} in {line!r}")
        elif not quoted and c == "^":
            i += 1
            word += line[i]
        elif not quoted and c == " ":
            if word:
                words.append(word)
            word = ""
        else:
            word += c
        i += 1
    assert not quoted, line
    return [*words, word] if word else words


def _powershell_words(line: str) -> list[str]:
    """How PowerShell reads bare words and single-quoted strings ('' is a quote); nothing else may appear."""
    words, i = [], 0
    singles = "'\u2018\u2019\u201a\u201b"
    while i < len(line):
        if line[i] == " ":
            i += 1
            continue
        if line[i] in singles:
            word, i = "", i + 1
            while True:
                if line[i] in singles and i + 1 < len(line) and line[i + 1] in singles:
                    word, i = word + line[i], i + 2
                elif line[i] in singles:
                    i += 1
                    break
                else:
                    word, i = word + line[i], i + 1
            words.append(word)
        else:
            end = line.find(" ", i)
            end = len(line) if end < 0 else end
            bare = line[i:end]
            assert all(c.isalnum() or c in "-_.:/\\" for c in bare), f"PowerShell would read {bare!r} as code"
            words.append(bare)
            i = end
    return words


@pytest.mark.parametrize("path", NASTY)
def test_posix_quoting_gives_the_words_back(path: str) -> None:
    words = ["stick", "interview", path, "--plain"]
    line = command_for(words, Shell.POSIX)
    assert shlex.split(line) == words
    if Path("/bin/sh").exists():
        echoed = subprocess.run(
            ["/bin/sh", "-c", "printf '%s\\n' " + line[len("stick ") :]], capture_output=True, text=True
        )
        assert echoed.stdout.splitlines() == words[1:]


@pytest.mark.parametrize("path", NASTY)
def test_cmd_quoting_leaves_ampersands_inert(path: str) -> None:
    words = ["stick", "interview", path]
    assert _cmd_words(command_for(words, Shell.CMD)) == words


@pytest.mark.parametrize("path", NASTY)
def test_powershell_quoting_leaves_everything_literal(path: str) -> None:
    words = ["stick", "interview", path, "--plain"]
    assert _powershell_words(command_for(words, Shell.POWERSHELL)) == words


def test_the_shell_in_use() -> None:
    assert shell_in_use("posix", {}) is Shell.POSIX
    assert shell_in_use("nt", {"PROMPT": "$P$G"}) is Shell.CMD
    assert shell_in_use("nt", {"PSModulePath": "x"}) is Shell.POWERSHELL


def test_the_resume_line_uses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.interview import wording

    monkeypatch.setattr(wording, "shell_in_use", lambda *_: Shell.CMD)
    line = wording.command_line(Path("x&calc&y.toml"), plain=True)
    assert _cmd_words(line) == ["stick", "interview", "x&calc&y.toml", "--plain"]
