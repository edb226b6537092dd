"""The question's options: arrows and enter, a click, the view following the cursor, hanging indents."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll

from surveys.response_file import load_assessment
from tests.app_support import questions_open
from tui.app.choices import Choices, prefix


def _option_rows(choices: Choices, index: int) -> list[int]:
    return [y for y, (i, _) in enumerate(choices.lines(choices.content_size.width)) if i == index]


async def test_arrows_and_enter_choose_and_move_on(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (app, pilot, screen, later):
        qid, first = screen.question.id, screen.index
        choices = screen.query_one(Choices)
        assert app.focused is choices and choices.cursor == 0
        await pilot.press("down", "down", "up", "end", "home", "down", "enter")
        await pilot.pause()
        assert load_assessment(later).answers[qid].choice == 2
        assert screen.index == first + 1


async def test_a_click_on_any_line_of_an_option_chooses_it(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (_app, pilot, screen, later):
        qid = screen.question.id
        choices = screen.query_one(Choices)
        rows = _option_rows(choices, 2)
        await pilot.click(Choices, offset=(12, rows[-1]))
        await pilot.pause()
        assert load_assessment(later).answers[qid].choice == 3


async def test_wrapped_options_hang_under_their_text_and_the_view_follows_the_cursor(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (_app, pilot, screen, _later):
        choices = screen.query_one(Choices)
        choices.show(tuple(f"{'a long option ' * 12}number {n}" for n in range(1, 7)))
        await pilot.pause()
        lines = choices.lines(choices.content_size.width)
        indent = " " * len(prefix(1, False, False))
        assert lines[0][1].plain.startswith(">[ ] 1. ") and lines[1][1].plain.startswith(indent)
        ask = screen.query_one("#ask", VerticalScroll)
        assert ask.max_scroll_y > 0  # the options do not fit: the view has to follow
        await pilot.press("end")
        await pilot.pause()
        rows = _option_rows(choices, 5)
        top, bottom = choices.virtual_region.y + rows[0], choices.virtual_region.y + rows[-1]
        assert ask.scroll_y <= top and bottom < ask.scroll_y + ask.scrollable_content_region.height
        await pilot.press("home")
        await pilot.pause()
        assert ask.scroll_y <= choices.virtual_region.y + _option_rows(choices, 0)[0]
