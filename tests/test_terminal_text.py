"""Text from a file never reaches a terminal raw: controls and bidi overrides show as escapes.

Each test runs the real command and looks at the bytes it wrote: a colleague's
file must not set the window title, clear the screen, write the clipboard
(OSC 52) or reorder what is shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import builtin_bytes
from surveys.terminal_text import UNSAFE, is_terminal_safe, json_text, shown_or_kept, terminal_safe
from tests.conftest import ROOT, child_pythonpath, run_stick
from tests.hostile import MARKUP, PAYLOAD, SHOWN, hostile_assessment, hostile_file, raw_bytes_in
from tests.lock_holders import held_lock


def _bytes_of(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": child_pythonpath(), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], input=stdin, capture_output=True, env=env, cwd=ROOT, timeout=60
    )


def test_controls_and_bidi_overrides_become_visible_escapes() -> None:
    assert terminal_safe("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert terminal_safe("\x9b31m\x07\x7f") == "\\x9b31m\\x07\\x7f"
    assert terminal_safe("abc\u202eevil\u2066x\u2069") == "abc\\u202eevil\\u2066x\\u2069"
    assert terminal_safe("two\nlines\tand\r") == "two\\x0alines\\x09and\\x0d"
    assert terminal_safe("two\nlines\tand\r", keep="\n\t") == "two\nlines\tand\\x0d"
    assert (
        terminal_safe("Urdu نوٹ, Polish zażółć, emoji 🎉, RLM \u200f")
        == "Urdu نوٹ, Polish zażółć, emoji 🎉, RLM \u200f"
    )
    assert is_terminal_safe(terminal_safe(PAYLOAD))


def test_a_field_left_as_it_was_shown_keeps_the_stored_text() -> None:
    stored = f"note {PAYLOAD}"
    assert shown_or_kept(terminal_safe(stored), stored) == stored
    assert shown_or_kept("typed anew", stored) == "typed anew"


def test_json_text_is_the_same_data_without_raw_controls() -> None:
    value = {"organisation": PAYLOAD, "del": "\x7f", "c1": "\x9d"}
    text = json_text(value, ensure_ascii=False)
    assert json.loads(text) == value
    assert is_terminal_safe(text, keep="\n")


@pytest.mark.parametrize("flags", [[], ["--json"]])
def test_report_prints_no_raw_control_bytes(tmp_path: Path, flags: list[str]) -> None:
    path = hostile_file(tmp_path)
    done = _bytes_of(["report", str(path), *flags])
    assert done.returncode == 0, done.stderr
    assert raw_bytes_in(done.stdout) == []
    assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout
    if flags:
        assert json.loads(done.stdout)["organisation"] == f"Org {MARKUP} {PAYLOAD}"
    else:
        assert SHOWN in done.stdout


def test_check_shows_a_hostile_instrument_s_text_escaped_and_refuses_it(tmp_path: Path) -> None:
    path = tmp_path / "i.toml"
    text = builtin_bytes().decode("utf-8").replace('title = "', 'title = "\\u001b]0;PWNED\\u0007 \\u202e', 1)
    path.write_text(text, encoding="utf-8")
    done = _bytes_of(["check", str(path)])
    assert done.returncode == 2
    assert raw_bytes_in(done.stdout + done.stderr) == []
    assert b"\x1b" not in done.stderr
    assert b"control character" in done.stderr


def test_an_error_line_naming_a_hostile_value_is_escaped(tmp_path: Path) -> None:
    path = hostile_file(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        'instrument = "race-equality-stick"', 'instrument = "x\\u001b[2J B"'
    )
    path.write_text(text, encoding="utf-8")
    done = _bytes_of(["report", str(path)])
    assert done.returncode == 2
    assert b"\x1b" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_the_lock_message_shows_a_hostile_holder_escaped(tmp_path: Path) -> None:
    path = hostile_file(tmp_path)
    # Held for real (an OS lock), by a holder whose name, machine and program are hostile text.
    with held_lock(path, user=PAYLOAD, host=PAYLOAD, program=PAYLOAD):
        done = _bytes_of(["interview", str(path), "--plain"])
    assert done.returncode == 2
    assert raw_bytes_in(done.stderr) == [] and b"\x1b" not in done.stderr
    assert SHOWN in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_plain_interview_prints_no_raw_control_bytes(tmp_path: Path) -> None:
    path = hostile_file(tmp_path)
    before = path.read_bytes()
    done = _bytes_of(["interview", str(path), "--plain"], stdin=b"s\ns\ns\n")
    assert done.returncode == 0, done.stderr
    assert raw_bytes_in(done.stdout + done.stderr) == []
    assert b"\x1b" not in done.stdout
    assert SHOWN in done.stdout  # the organisation, the note and the label are there, escaped
    assert path.read_bytes() == before  # skipping changes nothing


def test_the_plain_interview_keeps_a_typed_control_in_the_note_but_does_not_echo_it(tmp_path: Path) -> None:
    path = hostile_file(tmp_path)
    done = _bytes_of(["interview", str(path), "--plain"], stdin=b"1 typed \x1b[2J B\n")
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in done.stdout
    assert load_assessment(path).answers["mat-vision"].note == "typed \x1b[2J B"


def test_new_prints_a_hostile_organisation_s_file_name_without_controls(tmp_path: Path) -> None:
    done = run_stick(["new", "--org", "Org \u202eevil \x9b", "--respondent", "R", "--dir", str(tmp_path)])
    assert done.returncode == 0, done.stderr
    (made,) = tmp_path.glob("*.toml")
    assert is_terminal_safe(made.name)
    assert is_terminal_safe(done.stdout, keep="\n")
    assert load_assessment(made).organisation == "Org \u202eevil \x9b"


def test_export_s_skipped_line_and_output_path_are_escaped(tmp_path: Path) -> None:
    good = hostile_file(tmp_path)
    bad = tmp_path / "bad\u202e.toml"
    bad.write_text('organisation = "\\u001b[2J B"\n', encoding="utf-8")
    out = tmp_path / "out\u202e.xlsx"
    done = _bytes_of(["export", str(good), str(bad), "-o", str(out), "--skip-bad"])
    assert done.returncode == 0, done.stderr
    assert raw_bytes_in(done.stdout + done.stderr) == []


pty = pytest.importorskip("pty")


def test_the_questionary_interview_draws_file_text_escaped(tmp_path: Path) -> None:
    from tests.test_interview_pty import Terminal

    path = hostile_file(tmp_path)
    term = Terminal(["interview", str(path)])
    try:
        term.wait_for("Question 1 of 33")
        term.wait_for("Back to the previous question")
        term.type("s\r")
        term.wait_for("Question 2 of 33")
        term.wait_for("Back to the previous question")
        term.type("\x03")
        term.wait_for("To carry on, run:")
    finally:
        code = term.close()
    assert code == 0
    assert raw_bytes_in(term.seen) == []
    assert SHOWN in term.seen


def test_the_app_draws_file_text_escaped_on_home_and_the_question_screen(tmp_path: Path) -> None:
    from tests.app_pty import AppInPty

    hostile_file(tmp_path)
    term = AppInPty([], env={"STICK_DIR": str(tmp_path)})
    try:
        term.wait_for("PWNED")
        term.type("\r")
        term.wait_for("Question ")
        term.type("s")
        term.wait_for("Complete:")
        time.sleep(0.5)
        term.type("\x11")
    finally:
        term.close()
    out = term.output
    assert raw_bytes_in(out) == []
    assert b"\x1b]0;" not in out and b"\x1b]52" not in out  # the app sets no title and no clipboard
    assert b"\x1b]8;" not in out  # nor a hyperlink
    assert SHOWN in out
    assert b"[reverse]M[/reverse]" in out  # markup in a file is text


def test_the_hostile_assessment_round_trips() -> None:
    a = hostile_assessment()
    assert PAYLOAD in a.organisation


def test_the_app_s_open_elsewhere_dialog_shows_a_hostile_holder_escaped(tmp_path: Path) -> None:
    from datetime import datetime

    from surveys.locks.lock import Holder
    from tui.app.locked import locked_text

    holder = Holder(PAYLOAD, PAYLOAD, 1, datetime(2026, 11, 26, 9, 0), PAYLOAD)
    text = locked_text(tmp_path / "a\u202e.toml", holder)
    assert is_terminal_safe(text, keep="\n")
    assert "\\x1b]0;PWNED" in text


def test_every_character_escaped_is_unprintable_so_printable_text_is_left_as_it_is() -> None:
    # terminal_safe returns printable text untouched without looking at each character.
    assert all(not chr(code).isprintable() for code in UNSAFE)
    assert terminal_safe("Łódź \u200f ڈیٹا") == "Łódź \u200f ڈیٹا"  # a mark in Urdu text is unprintable, and kept
