"""Keys typed ahead of the screen (a fast typist, a paste) land where they were meant to."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from surveys.errors import StickError
from surveys.files.response_file import load_assessment
from surveys.model.responses import Assessment

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def _new_assessment_typed(folder: Path, before_the_form: str, in_the_form: str) -> Assessment:
    """Open Home, press n and type, each part key after key with no pause; the assessment made."""
    from tests.app_pty import AppInPty

    term = AppInPty(["--dir", str(folder)])
    try:
        term.wait_for("New")
        time.sleep(0.3)
        for key in "n" + before_the_form:
            term.type(key)
        term.wait_for("Organisation")
        time.sleep(0.5)  # the first field has the focus by now
        for key in in_the_form + "\x13":
            term.type(key)
        term.wait_for("Question ", timeout=15)
        term.type("\x11")
    finally:
        code = term.close(timeout=15)
    assert code == 0
    (path,) = folder.glob("*.toml")
    return load_assessment(path)


def test_tab_moves_to_the_next_field_before_the_keys_after_it_arrive(tmp_path: Path) -> None:
    # Key after key with no pause, as tmux or a fast typist sends them: the
    # letters after a tab are queued before the tab has been handled.
    saved = _new_assessment_typed(tmp_path, "", "Eastfield PCT\tSam\tLead")
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
        end = time.monotonic() + 30  # until the note is saved, then quit
        while time.monotonic() < end and not _holds(
            later, lambda saved: any(a.note == "did 2 boards sign it?" for a in saved.answers.values())
        ):
            time.sleep(0.05)
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
    # "Northfield PCT" arrives before the form has put the focus anywhere.
    saved = _new_assessment_typed(tmp_path, "Northfield PCT", "\tSam")
    assert (saved.organisation, saved.respondent) == ("Northfield PCT", "Sam")


def _burst(path: Path, keys: str, saved: Callable[[Assessment], bool] | None, ready: str = "Question ") -> None:
    """`stick FILE`, then `keys` written in one go, as a paste or tmux sends them; then ctrl+q.

    ctrl+q once the file holds what the keys mean (`saved`), or after 30 s (the test's own
    checks then say what is wrong); with no `saved` the keys end in ctrl+q themselves.
    """
    from tests.app_pty import AppInPty

    term = AppInPty([str(path)])
    term.wait_for(ready)
    try:
        time.sleep(0.5)
        term.type(keys)
        if saved is not None:
            end = time.monotonic() + 30
            while not _holds(path, saved) and time.monotonic() < end:
                time.sleep(0.05)
            term.type("\x11")
    finally:
        code = term.close(timeout=30)
    assert code == 0


def _holds(path: Path, saved: Callable[[Assessment], bool]) -> bool:
    try:
        return saved(load_assessment(path))
    except (KeyError, IndexError, StickError):  # not saved yet, or between a write and its rename
        return False


def _at_question(tmp_path: Path, kind: str) -> tuple[Path, int]:
    """A file whose first open question is the first of `kind`; the file and that index."""
    from surveys.instruments.instrument_file import builtin_instrument
    from tests.app_support import TODAY, answered, write

    questions = builtin_instrument().questions
    index = next(i for i, q in enumerate(questions) if q.kind == kind)
    return write(tmp_path, "n.toml", answered("Northfield PCT", TODAY, 1, upto=index)), index


def test_a_note_then_enter_then_a_choice_in_one_burst(tmp_path: Path) -> None:
    from surveys.instruments.instrument_file import builtin_instrument

    path, index = _at_question(tmp_path, "ladder")
    qid = builtin_instrument().questions[index].id
    _burst(path, "tfirst\r2", lambda saved: saved.answers[qid].choice is not None)
    answer = load_assessment(path).answers[qid]
    assert (answer.note, answer.choice) == ("first", 2)


def test_a_text_answer_then_enter_then_the_next_one_in_one_burst(tmp_path: Path) -> None:
    from surveys.instruments.instrument_file import builtin_instrument

    path, index = _at_question(tmp_path, "text")
    questions = builtin_instrument().questions
    assert questions[index + 1].kind == "text"  # the instrument ends on two text questions
    # The second t is a command again: enter has saved "abc" and moved on.
    _burst(path, "tabc\rtxyz\r", lambda saved: bool(saved.answers[questions[index + 1].id].text))
    saved = load_assessment(path)
    assert saved.answers[questions[index].id].text == "abc"
    assert saved.answers[questions[index + 1].id].text == "xyz"


def test_editing_keys_and_the_text_after_them_keep_their_order(tmp_path: Path) -> None:
    # Tab to the date (past role, the instrument and the panel group). ctrl+a (to the start) and
    # ctrl+k (delete to the end) used to be run after
    # the date typed straight after them, and deleted it.
    saved = _new_assessment_typed(tmp_path, "", "Eastfield PCT\tSam\t\t\t\t\x01\x0b2027-03-31")
    assert (saved.organisation, saved.respondent) == ("Eastfield PCT", "Sam")
    assert saved.date.isoformat() == "2027-03-31"


def test_the_priority_editor_takes_a_burst_in_order(tmp_path: Path) -> None:
    from tests.app_support import TODAY, answered, write

    path = write(tmp_path, "p.toml", answered("Northfield PCT", TODAY, 2, plan=True))
    count = len(load_assessment(path).priorities)
    # Finished, it opens at its result; p: plan, a: a new priority; its title,
    # enter to the next field (the area), tab to the lead, and esc: everything typed is kept.
    _burst(path, "paWorkshops\r\tHR lead\x1b", lambda saved: saved.priorities[-1].lead == "HR lead", ready="Result")
    saved = load_assessment(path).priorities
    assert len(saved) == count + 1
    assert (saved[-1].title, saved[-1].lead) == ("Workshops", "HR lead")


def test_ctrl_q_straight_after_typing_in_a_field_keeps_what_was_typed(tmp_path: Path) -> None:
    from surveys.instruments.instrument_file import builtin_instrument
    from tests.app_support import TODAY, answered, write

    path = write(tmp_path, "p.toml", answered("Northfield PCT", TODAY, 2, plan=True))
    # The plan's first priority (from the result it opens at), its lead field, typed into and quit in one burst.
    _burst(path, "p\r\t\t and Dr Okafor\x11", None, ready="Result")
    assert load_assessment(path).priorities[0].lead == "Dr Patel and Dr Okafor"

    path, index = _at_question(tmp_path / "n", "ladder")
    _burst(path, "tquit at once\x11", None)
    assert load_assessment(path).answers[builtin_instrument().questions[index].id].note == "quit at once"


def test_arrows_enter_and_a_note_on_the_next_question_in_one_burst(tmp_path: Path) -> None:
    from surveys.instruments.instrument_file import builtin_instrument

    path, index = _at_question(tmp_path, "ladder")
    questions = builtin_instrument().questions
    _burst(path, "\x1b[B\x1b[B\rtnext one\r", lambda saved: bool(saved.answers[questions[index + 1].id].note))
    saved = load_assessment(path)
    assert saved.answers[questions[index].id].choice == 3
    assert saved.answers[questions[index + 1].id].note == "next one"
