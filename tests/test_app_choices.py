"""The question's options: arrows and enter, a click, the view following the cursor, hanging indents."""

from __future__ import annotations

from pathlib import Path

from surveys.files.response_file import load_assessment
from tests.app_support import questions_open
from tests.screen_text import screen_text
from tui.app.question_pane import QuestionPane, prefix


def _option_rows(pane: QuestionPane, index: int) -> list[int]:
    return pane.option_rows(index)


async def test_arrows_and_enter_choose_and_move_on(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (app, pilot, screen, later):
        qid, first = screen.question.id, screen.index
        choices = screen.query_one(QuestionPane)
        assert app.focused is choices and choices.cursor == 0
        await pilot.press("down", "down", "up", "end", "home", "down", "enter")
        await pilot.pause()
        assert load_assessment(later).answers[qid].choice == 2
        assert screen.index == first + 1


async def test_a_click_on_any_line_of_an_option_chooses_it(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (_app, pilot, screen, later):
        qid = screen.question.id
        choices = screen.query_one(QuestionPane)
        rows = _option_rows(choices, 2)
        await pilot.click(QuestionPane, offset=(12, rows[-1] - choices.top))
        await pilot.pause()
        assert load_assessment(later).answers[qid].choice == 3


async def test_wrapped_options_hang_under_their_text_and_the_view_follows_the_cursor(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (_app, pilot, screen, _later):
        choices = screen.query_one(QuestionPane)
        choices.show(
            choices.key, choices.heading, tuple(f"{'a long option ' * 12}number {n}" for n in range(1, 7)), 0, ()
        )
        await pilot.pause()
        text = choices.text().splitlines()
        indent = " " * len(prefix(1, False, False))
        first = _option_rows(choices, 0)[0]
        assert text[first].startswith(">[ ] 1. ") and text[first + 1].startswith(indent)
        height = choices.content_size.height
        assert choices.max_top > 0  # the options do not fit: the view has to follow
        assert "▐" in screen_text(_app)  # and a scroll bar says so
        await pilot.press("end")
        await pilot.pause()
        rows = _option_rows(choices, 5)
        assert choices.top <= rows[0] and rows[-1] < choices.top + height
        await pilot.press("home")
        await pilot.pause()
        assert choices.top <= _option_rows(choices, 0)[0]
        await pilot.press("pagedown")
        assert choices.top > 0


async def test_a_note_opened_and_left_keeps_the_cursor_where_it_was_and_shown_there(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (_app, pilot, screen, later):
        qid = screen.question.id
        pane = screen.query_one(QuestionPane)
        await pilot.press("down", "down", "t", *"ask the board", "escape")
        await pilot.pause()
        assert pane.cursor == 2
        drawn = pane.render_line(_option_rows(pane, 2)[0] - pane.top).text
        assert drawn.startswith(">")  # drawn where it is
        await pilot.press("enter")
        await pilot.pause()
        saved = load_assessment(later).answers[qid]
        assert saved.choice == 3 and saved.note == "ask the board"
