"""A field the app fills with a file's text shows it escaped, and saves the text itself if left alone."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from surveys.files.response_file import load_assessment
from tests.hostile import PAYLOAD, hostile_file
from tui.app.factory import make_app
from tui.app.question import QuestionScreen


async def test_a_note_opened_and_left_keeps_its_stored_text(tmp_path: Path) -> None:
    path = hostile_file(tmp_path)
    before = load_assessment(path).answers["mat-vision"].note
    assert PAYLOAD in before
    app = make_app(tmp_path, path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.index = 0
        screen.show_question()
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        field = screen.query_one("#note", Input)
        assert "\x1b" not in field.value and "\\x1b]0;PWNED" in field.value
        await pilot.press("end", "escape")
        await pilot.pause()
    assert load_assessment(path).answers["mat-vision"].note == before


async def test_a_note_edited_saves_what_was_typed(tmp_path: Path) -> None:
    path = hostile_file(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.index = 0
        screen.show_question()
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        screen.query_one("#note", Input).value = "a new note"
        await pilot.press("escape")
        await pilot.pause()
    assert load_assessment(path).answers["mat-vision"].note == "a new note"
