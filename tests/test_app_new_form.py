"""The new-assessment form at 80x24: each problem beside its field, in view; nothing typed is lost by a mistake."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Static

from tests.app_support import TODAY
from tests.test_app_flow import type_text
from tui.app.discard import DiscardDialog
from tui.app.factory import make_app
from tui.app.home import HomeScreen
from tui.app.new import NewScreen
from tui.app.question import QuestionScreen


def in_view(widget: Widget) -> bool:
    """Drawn inside the form's scrolled area, not below what the screen shows."""
    form = widget.screen.query_one(VerticalScroll)
    return widget.display and form.content_region.contains_region(widget.region)


def problem(screen: NewScreen, field: str) -> Static:
    return screen.query_one(f"#{field}-problem", Static)


async def form_open(pilot: Pilot[None]) -> NewScreen:
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, NewScreen)
    return screen


async def test_a_missing_organisation_is_shown_under_it_and_focused(tmp_path: Path) -> None:
    app = make_app(tmp_path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await form_open(pilot)
        await pilot.press("tab", "tab")  # away from the field first
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        line = problem(screen, "organisation")
        assert "please enter the organisation" in str(line.render()).lower()
        assert app.focused is screen.query_one("#organisation", Input)
        assert in_view(line)


async def test_a_wrong_date_far_down_the_form_is_scrolled_to(tmp_path: Path) -> None:
    app = make_app(tmp_path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await form_open(pilot)
        await type_text(pilot, "Northfield PCT")
        await pilot.press("enter")
        await type_text(pilot, "Ann")
        screen.query_one("#date", Input).value = "31/13/2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        line = problem(screen, "date")
        assert str(line.render()).strip()
        assert app.focused is screen.query_one("#date", Input)
        assert in_view(line)
        assert not problem(screen, "organisation").display  # a field put right shows no problem


async def test_a_failed_create_keeps_the_form_as_typed_and_says_why(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    app = make_app(blocker / "answers", today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await form_open(pilot)
        await type_text(pilot, "Northfield PCT")
        await pilot.press("enter")
        await type_text(pilot, "Ann")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#organisation", Input).value == "Northfield PCT"
        assert screen.query_one("#respondent", Input).value == "Ann"
        line = screen.query_one("#problem", Static)
        assert "folder" in str(line.render()).lower()
        assert in_view(line)
    assert blocker.read_text() == "not a folder"


async def test_esc_with_typed_text_asks_first(tmp_path: Path) -> None:
    app = make_app(tmp_path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await form_open(pilot)
        await type_text(pilot, "Northfield")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert screen.is_current
        assert screen.query_one("#organisation", Input).value == "Northfield"
        await type_text(pilot, " PCT")  # the focus is back in the field
        assert screen.query_one("#organisation", Input).value == "Northfield PCT"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("t")  # throw away
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert list(tmp_path.glob("*.toml")) == []


async def test_esc_on_an_untouched_form_just_closes(tmp_path: Path) -> None:
    app = make_app(tmp_path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await form_open(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_form_still_creates_and_opens_the_questions(tmp_path: Path) -> None:
    app = make_app(tmp_path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await form_open(pilot)
        await type_text(pilot, "Northfield PCT")
        await pilot.press("enter")
        await type_text(pilot, "Ann")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
    assert len(list(tmp_path.glob("*.toml"))) == 1


def test_in_a_real_terminal_the_problem_is_drawn_on_the_screen(tmp_path: Path) -> None:
    """Seen at 80x24: ctrl+s on an empty form drew its problem below the screen, so nothing seemed to happen."""
    from tests.app_pty import AppInPty

    term = AppInPty(["--dir", str(tmp_path)], size=(80, 24))
    try:
        term.wait_for("New")
        term.type("n")
        term.wait_for("Organisation")
        term.type("\x13")  # ctrl+s
        term.wait_for("enter the organisation", timeout=10)
    finally:
        term.type("\x11")  # ctrl+q
        code = term.close(timeout=15)
    assert code == 0
