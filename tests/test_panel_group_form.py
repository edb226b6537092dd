"""The New form's rater group: typed after the role and the instrument, saved in the file for a panel."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input, Static

from tests.app_support import TODAY
from tests.test_app_flow import type_text
from tests.test_app_new_form import form_open, in_view
from tui.app.factory import make_app
from tui.app.question import QuestionScreen


async def test_the_group_typed_on_the_new_form_is_in_the_file(tmp_path: Path) -> None:
    app = make_app(tmp_path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await form_open(pilot)
        for words in ("Northfield PCT", "Ann", "Governor"):
            await type_text(pilot, words)
            await pilot.press("enter")
        await pilot.press("tab")  # past the choice of instrument, kept as it is
        assert app.focused is not None and app.focused.id == "group"
        await type_text(pilot, "  community   partner ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
    [path] = tmp_path.glob("*.toml")
    saved = tomllib.loads(path.read_text("utf-8"))
    assert (saved["role"], saved["group"]) == ("Governor", "community partner")


async def test_no_group_typed_writes_none(tmp_path: Path) -> None:
    app = make_app(tmp_path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await form_open(pilot)
        await type_text(pilot, "Northfield PCT")
        await pilot.press("enter")
        await type_text(pilot, "Ann")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [path] = tmp_path.glob("*.toml")
    assert "group" not in tomllib.loads(path.read_text("utf-8"))


async def test_a_group_too_long_is_shown_under_it_and_nothing_is_made(tmp_path: Path) -> None:
    app = make_app(tmp_path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await form_open(pilot)
        await type_text(pilot, "Northfield PCT")
        await pilot.press("enter")
        await type_text(pilot, "Ann")
        screen.query_one("#group", Input).value = "x" * 61
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        line = screen.query_one("#group-problem", Static)
        assert "at most 60 characters" in str(line.render())
        assert app.focused is screen.query_one("#group", Input)
        assert in_view(line)
    assert list(tmp_path.glob("*.toml")) == []
