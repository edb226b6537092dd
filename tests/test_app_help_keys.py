"""Help opens at the keys of the screen it was asked from; the palette has one way to it, which esc closes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.app_support import TODAY, demo_folder, questions_open
from tui.app.factory import make_app
from tui.app.help import HelpScreen
from tui.app.home import HomeScreen
from tui.app.question import QuestionScreen
from tui.app.result import ResultScreen


def help_text(screen: object) -> str:
    assert isinstance(screen, HelpScreen)
    return str(screen.query_one(Static).render())


async def test_help_on_the_questions_opens_at_the_questions_keys(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (app, pilot, _screen, _path):
        await pilot.press("question_mark")
        await pilot.pause()
        lines = help_text(app.screen).splitlines()
        assert lines[0] == "Questions"
        assert "Don't know" in "\n".join(lines[:12])
        assert "Home" in lines and "Result" in lines  # every other screen's keys are still there, after


async def test_help_on_home_and_on_the_result_open_at_their_own_keys(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    app = make_app(later.parent, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert help_text(app.screen).splitlines()[0] == "Home"
        await pilot.press("escape")
        await pilot.press("enter", "s")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert help_text(app.screen).splitlines()[0] == "Result"


async def test_the_palette_lists_one_keys_entry(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (app, _pilot, screen, _path):
        titles = [command.title for command in app.get_system_commands(screen)]
    assert titles.count("Keys") == 1
    assert not any("all keys" in title.lower() for title in titles)


async def test_the_keys_panel_from_the_palette_closes_with_esc(tmp_path: Path) -> None:
    """Seen: Textual's own keys panel stayed open on esc (and esc went back Home instead)."""
    async with questions_open(tmp_path) as (app, pilot, screen, _path):
        keys = next(command for command in app.get_system_commands(screen) if command.title == "Keys")
        keys.callback()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.is_current
        await app.run_action("show_help_panel")  # Textual's own action, however it is reached
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.is_current and isinstance(screen, QuestionScreen)
        assert not screen.query("HelpPanel")
