"""The real command in a pseudo-terminal: the questionary mode as a person at a terminal meets it."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from surveys.files.response_file import load_assessment
from tests.conftest import ROOT
from tests.interview_helpers import fresh_file

pty = pytest.importorskip("pty")


class Terminal:
    def __init__(self, args: list[str], term: str = "xterm-256color") -> None:
        self.master, slave = pty.openpty()
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "TERM": term,
            "COLUMNS": "80",
            "LINES": "24",
            "PYTHONIOENCODING": "utf-8",
        }
        # No terminal emulator answers cursor-position requests here; without this,
        # prompt_toolkit waits for the answer and then prints a warning.
        env["PROMPT_TOOLKIT_NO_CPR"] = "1"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            env=env,
            close_fds=True,
        )
        os.close(slave)
        self.seen = b""
        self.mark = 0

    def wait_for(self, text: str, timeout: float = 20) -> None:
        """Wait until the text appears after what was waited for last: a key typed before its
        prompt is up would meet the terminal in line mode, not the prompt."""
        end = time.monotonic() + timeout
        while text.encode() not in self.seen[self.mark :]:
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} never appeared; screen so far: {self.seen[-600:]!r}")
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    self.seen += os.read(self.master, 4096)
                except OSError:  # the program has ended
                    break
        self.mark = self.seen.index(text.encode(), self.mark) + len(text.encode())

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> int:
        try:
            return self.process.wait(timeout=20)
        finally:
            os.close(self.master)


def test_questions_in_a_terminal_then_ctrl_c(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    term = Terminal(["interview", str(path)])
    try:
        term.wait_for("Question 1 of 33 - Organisational maturity")
        term.wait_for("Write a note on this question")
        term.type("t")  # a note first, then the question again
        term.wait_for("Enter keeps it)")
        term.type("notes in Urdu: نوٹ\r")
        term.wait_for("Write a note on this question")
        term.type("3")  # one key answers: no Enter, no note prompt after it
        term.wait_for("Question 2 of 33")
        term.wait_for("Write a note on this question")
        term.type("d")
        term.wait_for("Question 3 of 33")
        term.wait_for("Back to the previous question")
        term.type("\x03")
        term.wait_for("To carry on, run:")
    finally:
        code = term.close()
    assert code == 0
    saved = load_assessment(path)
    assert saved.answers["mat-vision"].choice == 3
    assert saved.answers["mat-vision"].note == "notes in Urdu: نوٹ"
    assert saved.answers["mat-needs"].dont_know
    assert b"Traceback" not in term.seen


def test_a_dumb_terminal_gets_the_plain_prompts(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    term = Terminal(["interview", str(path)], term="dumb")
    try:
        term.wait_for("Answer (1-3, d, s, b): ")
        term.type("2 =note\r")
        term.wait_for("Question 2 of 33")
        term.wait_for("Answer (1-3, d, s, b): ")
        term.type("\x04")  # Ctrl-D: end of input
        term.wait_for("To carry on, run:")
    finally:
        code = term.close()
    assert code == 0
    assert b"\x1b[" not in term.seen  # no colour, no cursor movement
    saved = load_assessment(path).answers["mat-vision"]
    assert (saved.choice, saved.note) == (2, "=note")
