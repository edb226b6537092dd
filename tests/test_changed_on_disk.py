"""A file changed behind stick (corrected in Notepad, say) is never overwritten, in either front end."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from surveys.files.guarded_file import ChangedOnDisk, GuardedFile, carry_over
from surveys.files.response_file import load_assessment
from surveys.model.answers import choose
from surveys.model.responses import with_answer, with_note
from tests.conftest import ROOT, child_pythonpath
from tests.interview_helpers import INSTRUMENT, fresh_file

LAST = [q for q in INSTRUMENT.questions if q.kind != "text"][-1]


def hand_edit(path: Path) -> bytes:
    """What a person does in Notepad: correct the respondent, add an answer at the end."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^respondent = ".*"$', 'respondent = "Corrected by hand"', text)
    text += f'\n[answers.{LAST.id}]\nchoice = 1\nlabel = "{LAST.options[0].label}"\n'
    path.write_text(text, encoding="utf-8")
    return path.read_bytes()


def kept_hand_edit(path: Path) -> None:
    saved = load_assessment(path)
    assert saved.respondent == "Corrected by hand" and saved.answers[LAST.id].choice == 1


def test_a_save_after_a_hand_edit_is_refused_and_the_edit_kept(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    guarded = GuardedFile(path)
    assessment = guarded.load()
    first = INSTRUMENT.questions[0]
    guarded.save(with_answer(assessment, choose(first, 1)))
    edited = hand_edit(path)
    with pytest.raises(ChangedOnDisk, match="changed on disk") as caught:
        guarded.save(with_answer(assessment, choose(first, 2)))
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == edited
    now = guarded.reload()
    assert now.respondent == "Corrected by hand"
    guarded.save(with_answer(now, choose(first, 2)))  # from the reloaded version, saves go on
    kept_hand_edit(path)


def test_the_same_size_and_time_is_not_enough_the_content_decides(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    guarded = GuardedFile(path)
    assessment = guarded.load()
    before = os.stat(path)
    path.write_bytes(path.read_bytes().replace(b"Ann", b"Bob"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(ChangedOnDisk):
        guarded.save(assessment)


def test_a_deleted_file_is_not_written_back_unasked(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    guarded = GuardedFile(path)
    assessment = guarded.load()
    path.unlink()
    with pytest.raises(ChangedOnDisk, match="moved or deleted"):
        guarded.save(assessment)
    assert not path.exists()


def test_a_copy_gets_a_new_name_and_never_overwrites(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    guarded = GuardedFile(path)
    assessment = guarded.load()
    taken = path.with_name(f"{path.stem}-copy.toml")
    taken.write_text("someone's")
    copy = guarded.save_copy(assessment)
    assert copy == path.with_name(f"{path.stem}-copy-2.toml")
    assert load_assessment(copy) == assessment and taken.read_text() == "someone's"


def test_carrying_over_keeps_both_the_hand_edit_and_what_was_typed(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    before = load_assessment(path)
    first = INSTRUMENT.questions[0]
    mine = with_note(with_answer(before, choose(first, 2)), first.id, "typed just now")
    hand_edit(path)
    now = load_assessment(path)
    merged = carry_over(before, mine, now)
    assert merged.respondent == "Corrected by hand" and merged.answers[LAST.id].choice == 1
    assert merged.answers[first.id].choice == 2 and merged.answers[first.id].note == "typed just now"


def _plain_interview(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "interview", str(path), "--plain"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": child_pythonpath(), "PYTHONIOENCODING": "utf-8"},
        cwd=ROOT,
    )


def _wait_for_answers(path: Path, count: int) -> None:
    end = time.monotonic() + 30
    while len(load_assessment(path).answers) < count:
        assert time.monotonic() < end, "the answer never reached the file"
        time.sleep(0.02)


def test_the_plain_interview_stops_with_one_line_when_the_file_is_edited_by_hand(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    interview = _plain_interview(path)
    assert interview.stdin is not None and interview.stderr is not None
    interview.stdin.write("1\n")
    interview.stdin.flush()
    _wait_for_answers(path, 1)
    edited = hand_edit(path)
    interview.stdin.write("2\n1\n")
    interview.stdin.close()
    assert interview.wait(timeout=30) == 2
    error = interview.stderr.read()
    interview.stderr.close()
    assert error.count("\n") == 1 and "changed on disk" in error, error
    assert path.read_bytes() == edited


@pytest.mark.skipif(sys.platform == "win32", reason="drives a POSIX pseudo-terminal")
def test_the_questionary_interview_stops_too(tmp_path: Path) -> None:
    from tests.test_interview_pty import Terminal

    path = fresh_file(tmp_path)
    term = Terminal(["interview", str(path)])
    try:
        term.wait_for("Question 1 of 33")
        term.wait_for("Write a note on this question")
        term.type("1")  # one key answers
        term.wait_for("Question 2 of 33")
        term.wait_for("Write a note on this question")
        edited = hand_edit(path)
        term.type("1")  # saving this answer finds the file changed behind it
        term.wait_for("changed on disk")
    finally:
        code = term.close()
    assert code == 2
    assert b"Traceback" not in term.seen
    assert path.read_bytes() == edited


async def test_the_app_asks_and_keeps_the_hand_edit_then_reloads_keeping_what_was_typed(tmp_path: Path) -> None:
    from tests.app_support import questions_open
    from tui.app.changed_on_disk import ChangedOnDiskScreen

    async with questions_open(tmp_path) as (app, pilot, screen, path):
        qid = screen.question.id
        edited = hand_edit(path)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ChangedOnDiskScreen)
        assert path.read_bytes() == edited
        await pilot.press("2", "d")  # keys while it is up change nothing
        assert path.read_bytes() == edited
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, ChangedOnDiskScreen)
        kept_hand_edit(path)
        assert load_assessment(path).answers[qid].choice == 2  # what was typed, on top
        await pilot.press("1")  # and saving goes on
        await pilot.pause()
        assert not isinstance(app.screen, ChangedOnDiskScreen)
        kept_hand_edit(path)


async def test_the_app_saves_a_copy_and_leaves_the_hand_edit(tmp_path: Path) -> None:
    from tests.app_support import questions_open
    from tui.app.changed_on_disk import ChangedOnDiskScreen

    async with questions_open(tmp_path) as (app, pilot, screen, path):
        qid = screen.question.id
        edited = hand_edit(path)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ChangedOnDiskScreen)
        await pilot.press("c")
        await pilot.pause()
        copy = path.with_name(f"{path.stem}-copy.toml")
        assert load_assessment(copy).answers[qid].choice == 2
        assert load_assessment(copy).respondent != "Corrected by hand"
        assert path.read_bytes() == edited


async def test_help_lists_the_keys_of_the_changed_on_disk_dialog(tmp_path: Path) -> None:
    from textual.widgets import Static

    from tui.app.factory import make_app

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one(Static).render())
    assert "changed outside stick" in text.lower() and "with what you typed on top" in text
