"""The questionary mode driven through prompt_toolkit's pipe input, file read back after every save."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from surveys.editing.session import EditingSession
from surveys.files.response_file import load_assessment, save_assessment
from surveys.instruments.opening import open_assessment
from surveys.model.responses import Assessment
from tests.interview_helpers import IDS, answered, fresh_file
from tui.interview.asker import Terminal
from tui.interview.flow import Walk
from tui.interview.rich import run_rich

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
CTRL_C = "\x03"
CTRL_D = "\x04"
CLEAR = "\x15"  # Ctrl-U: clear the line


def drive(path: Path, keys: str) -> tuple[int, list[Assessment]]:
    """Run the questionary mode on typed keys; returns the exit code and the file after every save."""
    opened = open_assessment(path)
    files: list[Assessment] = []

    def save(assessment: Assessment) -> None:
        save_assessment(path, assessment)
        files.append(load_assessment(path))

    walk = Walk(EditingSession(opened.instrument, opened.assessment, save))
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()  # keys run out: end of input, never a test that waits for ever
        code = run_rich(walk, Terminal(pipe, DummyOutput()), path)
    return code, files


def test_numbers_arrows_notes_and_ctrl_c(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    keys = (
        "t"
        + "=SUM(A1) نوٹ"
        + ENTER  # t: a note first, then the same question again
        + "2"  # a number answers at once: no Enter, no note prompt
        + DOWN
        + DOWN
        + ENTER  # arrows to option 3
        + "d"  # don't know, at once
        + CTRL_C
    )
    code, files = drive(path, keys)
    assert code == 0
    with_note, first, second, third = files
    assert with_note.answers["mat-vision"].note == "=SUM(A1) نوٹ" and not with_note.answers["mat-vision"].given
    assert first.answers["mat-vision"].choice == 2 and first.answers["mat-vision"].note == "=SUM(A1) نوٹ"
    assert second.answers["mat-needs"].choice == 3
    assert third.answers["mat-risk"].dont_know
    assert load_assessment(path).answers == third.answers


def test_back_keeps_the_answer_and_skip_leaves_it(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    keys = (
        "t"
        + "first"
        + ENTER
        + "1"  # question 1: a note, then option 1
        + "b"  # at question 2: back
        + ENTER  # question 1 again: the pointer starts on the answer given, Enter keeps it
        + "s"  # question 2 skipped
        + "b"
        + "b"  # back to question 1 again
        + "3"  # a new answer replaces the old, the note stays
        + CTRL_D
    )
    code, _ = drive(path, keys)
    assert code == 0
    saved = load_assessment(path)
    assert saved.answers["mat-vision"].choice == 3
    assert saved.answers["mat-vision"].note == "first"
    assert "mat-needs" not in saved.answers


def test_text_questions_and_the_priorities(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    answered(path, IDS[:-2])
    keys = (
        "Build on the staff network"
        + ENTER
        + "d"
        + ENTER  # a lone d is don't know (a text question takes a whole line)
        + "a"  # Add a priority
        + DOWN
        + ENTER  # the second area
        + "Values in every plan"
        + ENTER
        + "Chair"
        + ENTER
        + ENTER  # the suggested business function
        + "2026-02-30"
        + ENTER
        + CLEAR
        + "2026-03-31"
        + ENTER  # an impossible date is refused
        + ENTER
        + "Audit"
        + ENTER
        + "f"
    )  # Finish
    code, files = drive(path, keys)
    assert code == 0
    saved = load_assessment(path)
    assert saved.answers["next-build-on"].text == "Build on the staff network"
    assert saved.answers["next-one-thing"].dont_know
    (priority,) = saved.priorities
    assert (priority.area, priority.title, priority.lead) == ("values", "Values in every plan", "Chair")
    assert (priority.target, priority.review, priority.measure) == (date(2026, 3, 31), None, "Audit")
    assert [p.area for p in files[2].priorities] == ["values"]  # saved as soon as the area was chosen


def test_back_from_the_priorities(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    answered(path, IDS)
    keys = "b" + ENTER + "b" + ENTER + ENTER + ENTER + "f" + ENTER  # back twice, keep 32 and 33 as they are
    code, _ = drive(path, keys)
    assert code == 0
    assert load_assessment(path).answers["next-build-on"].text == "text for next-build-on"


def test_end_of_input_mid_note_keeps_the_answer(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    code, files = drive(path, "2" + "b" + "t" + "half a no")  # answer, back to it, a note begun
    assert code == 0
    assert len(files) == 1
    assert load_assessment(path).answers["mat-vision"].choice == 2
    assert load_assessment(path).answers["mat-vision"].note == ""  # a note is saved only when Enter gives it


def test_the_questionary_mode_opens_as_the_plain_one_and_wraps_at_words(tmp_path: Path) -> None:
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    from tui.interview.wrap import wrapped

    path = fresh_file(tmp_path)
    answered(path, IDS[:-2])
    opened = open_assessment(path)
    walk = Walk(EditingSession(opened.instrument, opened.assessment, lambda a: save_assessment(path, a)))
    shown = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text("answer" + ENTER + "d" + ENTER + "f")
        pipe.close()
        assert run_rich(walk, Terminal(pipe, PlainTextOutput(shown)), path) == 0
    text = shown.getvalue()
    # The header and the section's introduction, as the plain mode prints them.
    assert "stick interview: Test PCT, answered by Ann" in text and f"File: {path}" in text
    section = opened.instrument.section(opened.instrument.questions[-1].section)
    assert f"Section: {section.title}" in text
    # The result's long lines are broken between words at the terminal's 80 columns.
    said = [line for line in text.splitlines() if "lives in" in line]
    assert said and all(len(line) <= 80 for line in said)
    assert wrapped("one two three " * 10, 30).splitlines()[0] == "one two three one two three"


def test_wrapping_keeps_a_list_items_hanging_indent() -> None:
    from tui.interview.wrap import wrapped

    lines = wrapped("  1. Move Leadership from step 2 to step 3 (work on process); lives in Business plan", 40)
    assert lines.splitlines() == [
        "  1. Move Leadership from step 2 to",
        "     step 3 (work on process); lives in",
        "     Business plan",
    ]
