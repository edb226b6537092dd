"""Keys typed ahead of the screen (a fast typist, a paste) land where they were meant to."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from surveys.response_file import load_assessment

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def test_tab_moves_to_the_next_field_before_the_keys_after_it_arrive(tmp_path: Path) -> None:
    from tests.app_pty import AppInPty

    term = AppInPty(["--dir", str(tmp_path)])
    try:
        term.wait_for("New")
        term.type("n")
        term.wait_for("Organisation")
        time.sleep(0.5)  # the first field has the focus by now
        # Key after key with no pause, as tmux or a fast typist sends them:
        # the letters after a tab are queued before the tab has been handled.
        for key in "Eastfield PCT\tSam\tLead\x13":
            term.type(key)
        term.wait_for("Question ", timeout=15)
        term.type("\x11")
    finally:
        code = term.close(timeout=15)
    assert code == 0
    (path,) = tmp_path.glob("*.toml")
    saved = load_assessment(path)
    assert (saved.organisation, saved.respondent, saved.role) == ("Eastfield PCT", "Sam", "Lead")


def test_a_note_typed_straight_after_t_is_the_note_not_commands(tmp_path: Path) -> None:
    from tests.app_pty import app_started
    from tests.app_support import demo_folder

    later = demo_folder(tmp_path / "answers")
    before = load_assessment(later)
    term = app_started(later)
    try:
        time.sleep(0.5)
        # d, s and the digits are commands on the question screen: typed this
        # fast after t they used to record "don't know" and move on.
        for key in "tdid 2 boards sign it?\x1b":
            term.type(key)
        time.sleep(1.0)
        term.type("\x11")
    finally:
        code = term.close(timeout=15)
    assert code == 0
    after = load_assessment(later)
    changed = {q: a for q, a in after.answers.items() if before.answers.get(q) != a}
    assert len(changed) == 1
    (answer,) = changed.values()
    assert answer.note == "did 2 boards sign it?" and not answer.given


def test_keys_typed_straight_after_n_land_in_the_first_field(tmp_path: Path) -> None:
    from tests.app_pty import AppInPty

    term = AppInPty(["--dir", str(tmp_path)])
    try:
        term.wait_for("New")
        time.sleep(0.3)
        for key in "nNorthfield PCT":  # before the form has put the focus anywhere
            term.type(key)
        term.wait_for("Organisation")
        time.sleep(0.5)
        for key in "\tSam\x13":
            term.type(key)
        term.wait_for("Question ", timeout=15)
        term.type("\x11")
    finally:
        code = term.close(timeout=15)
    assert code == 0
    (path,) = tmp_path.glob("*.toml")
    saved = load_assessment(path)
    assert (saved.organisation, saved.respondent) == ("Northfield PCT", "Sam")
