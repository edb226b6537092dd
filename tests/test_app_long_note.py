"""A 1 MB note: the question screen shows its start, and saving does not re-escape it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from surveys.files.response_file import load_assessment, save_assessment
from surveys.model.responses import Answer, with_note
from tests.app_support import answered, fixed
from tui.app.factory import make_app
from tui.app.question import QuestionScreen
from tui.app.question_pane import QuestionPane
from tui.app.question_text import NOTE_PREVIEW

NOTE = "Board paper, ethnicity monitoring, ڈیٹا; " * 25_000  # about 1 MB


async def test_the_question_screen_shows_a_long_notes_start_not_the_whole_note(tmp_path: Path) -> None:
    a = answered("Northfield PCT", date(2026, 3, 31), 1, upto=0)
    first = next(iter(a.answers))
    a = fixed(replace(a, answers={first: Answer(question=first, note=NOTE)}))
    path = tmp_path / "northfield.toml"
    save_assessment(path, a)
    app = make_app(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.question.id == first
        pane = screen.query_one(QuestionPane)
        assert any(NOTE[:100] in line for line in pane.progress)
        assert len(pane.text()) < 20 * NOTE_PREVIEW  # the rest of the screen, and the note's first 300 characters
        await pilot.press("1")
        await pilot.pause()
    assert load_assessment(path).answers[first].note == NOTE  # kept whole through the answer's save


def test_opening_a_file_to_answer_parses_it_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 1 MB note: the file was parsed on opening and again under its lock, 100-200 ms each."""
    import surveys.files.response_file as response_file
    from surveys.files.guarded_file import GuardedFile
    from surveys.instruments.opening import open_assessment

    path = tmp_path / "a.toml"
    a = answered("Northfield PCT", date(2026, 3, 31), 2, upto=5)
    save_assessment(path, with_note(a, next(iter(a.answers)), "board paper " * 2000))
    parses: list[bytes] = []
    from surveys.files.textfile import parse

    def counted(data: bytes, *how: Any) -> Any:
        parses.append(data)
        return parse(data, *how)

    monkeypatch.setattr(response_file, "parse", counted)
    opened = open_assessment(path, None)
    guarded = GuardedFile(path)
    assert guarded.load() == opened.assessment  # the read under the lock, as the app does it
    assert len(parses) == 1
    # A file changed between the two reads is parsed again, of course.
    save_assessment(path, answered("Northfield PCT", date(2026, 3, 31), 3, upto=6))
    assert guarded.load() != opened.assessment and len(parses) == 2
