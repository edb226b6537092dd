"""The facilitator's screen, driven with Pilot: the spread shown, agreeing with and without reasons, live raters."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.panel.opening import open_panel
from surveys.panel.record import agreed_of
from tests.panel_app_support import rater_file, raters_folder
from tui.app.panel_app import PanelApp
from tui.app.panel_screen import REFUSED, PanelScreen
from tui.app.question_pane import QuestionPane
from tui.app.radar import Radar


@asynccontextmanager
async def panel_open(
    tmp_path: Path, size: tuple[int, int] = (80, 24), poll: float = 3600.0
) -> AsyncIterator[tuple[PanelApp, Pilot[None], PanelScreen, Path]]:
    folder = raters_folder(tmp_path / "raters")
    out = tmp_path / "agreed.toml"
    with open_panel([folder], out) as session:
        app = PanelApp(session, poll=poll)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            (screen,) = [s for s in app.screen_stack if isinstance(s, PanelScreen)]
            yield app, pilot, screen, out


def pane_text(screen: PanelScreen) -> str:
    """The pane's words, its wrapping undone: every line, scrolled off or not, joined by single spaces."""
    return " ".join(screen.query_one(QuestionPane).text().split())


def agreed_on_disk(out: Path) -> dict[str, tuple[int, str]]:
    """The agreed file read back by a fresh engine reading: question -> (option, reason)."""
    assessment = load_assessment(out)
    found = {}
    for question in builtin_instrument("eds2022").questions:
        agreed = agreed_of(assessment, question.id)
        if agreed is not None:
            found[question.id] = (agreed.choice, agreed.reason)
    return found


async def test_the_first_question_shows_its_spread_by_group_its_median_and_the_proposed_rating(tmp_path: Path) -> None:
    async with panel_open(tmp_path) as (_app, _pilot, screen, _out):
        text = pane_text(screen)
        assert "Question 1 of 11: proposed" in text
        # Two patients chose 2, one member of staff chose 3.
        assert "2. Developing activity ██ 2 (patient 2) ← proposed" in text
        assert "3. Achieving activity █ 1 (staff 1)" in text
        assert "median 2" in text
        assert "Ann Patel (patient): 2 Developing activity. Waiting times shown by ethnicity" in text
        assert "3 raters: patient 2, staff 1" in str(screen.sub_title)


async def test_enter_accepts_the_proposed_rating_and_the_file_has_it(tmp_path: Path) -> None:
    async with panel_open(tmp_path) as (_app, pilot, screen, out):
        first = screen.question.id
        await pilot.press("enter")
        await pilot.pause()
        assert screen.index == 1
        assert agreed_on_disk(out)[first][0] == 2


async def test_a_departure_without_a_reason_is_refused_on_the_screen_and_saved_with_one(tmp_path: Path) -> None:
    async with panel_open(tmp_path) as (_app, pilot, screen, out):
        first = screen.question.id
        await pilot.press("4")
        await pilot.pause()
        field = screen.query_one("#reason", Input)
        assert screen.focused is field
        assert "Why 4 rather than the proposed 2?" in pane_text(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert " ".join(REFUSED.split()) in pane_text(screen)
        assert first not in agreed_on_disk(out)
        assert screen.index == 0 and screen.focused is field
        for key in "Seen at the table":
            await pilot.press(key if key != " " else "space")
        await pilot.press("enter")
        await pilot.pause()
        assert agreed_on_disk(out)[first] == (4, "Seen at the table")
        assert screen.index == 1


async def test_a_question_the_raters_differ_on_by_two_or_more_is_marked_for_discussion(tmp_path: Path) -> None:
    async with panel_open(tmp_path) as (_app, pilot, screen, _out):
        await pilot.press("right")
        text = pane_text(screen)
        assert "Question 2 of 11: proposed, not yet agreed, for discussion" in text
        assert "For discussion: the raters differ by two or more options." in text


async def test_a_rater_file_saved_while_the_screen_is_open_appears_in_the_spread(tmp_path: Path) -> None:
    async with panel_open(tmp_path, poll=0.05) as (_app, pilot, screen, _out):
        rater_file(tmp_path / "raters", "Di Jones", "staff", (3,) * 11)
        for _ in range(200):
            await pilot.pause(0.05)
            if "4 raters" in str(screen.sub_title):
                break
        assert "4 raters: patient 2, staff 2" in str(screen.sub_title)
        assert "Di Jones (staff): 3 Achieving activity" in pane_text(screen)


async def test_a_broken_rater_file_is_one_notice_and_the_screen_goes_on(tmp_path: Path) -> None:
    async with panel_open(tmp_path, poll=0.05) as (app, pilot, screen, _out):
        (tmp_path / "raters" / "Broken.toml").write_text("organisation = \x1b[2J'", encoding="utf-8")
        for _ in range(200):
            await pilot.pause(0.05)
            if app._notifications:
                break
        (notice,) = list(app._notifications)
        assert "Broken.toml" in notice.message and "\x1b" not in notice.message
        await pilot.press("enter")
        assert screen.index == 1


async def test_c_steps_the_radar_outline_through_each_group_and_rater_then_none(tmp_path: Path) -> None:
    async with panel_open(tmp_path, size=(120, 40)) as (_app, pilot, screen, _out):
        radar = screen.query_one(Radar)
        seen = []
        for _ in range(6):
            data = radar.data
            assert data is not None
            seen.append(data.outlines[1].name if len(data.outlines) > 1 else "")
            await pilot.press("c")
        assert seen == [
            "patient (group)",
            "staff (group)",
            "Ann Patel (patient)",
            "Bo Chen (patient)",
            "Cy Okafor (staff)",
            "",
        ]


async def test_help_lists_every_panel_key_with_what_it_does(tmp_path: Path) -> None:
    from textual.binding import Binding
    from textual.widgets import Static

    from tui.app.help import HelpScreen

    assert all(isinstance(b, Binding) and b.description for b in PanelScreen.BINDINGS)
    async with panel_open(tmp_path) as (app, pilot, _screen, _out):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one(Static).render())
        assert text.startswith("Panel\n")
        assert (
            "1 - 9             Agree that option and go on (one other than the proposed asks for a reason first)"
            in text
        )
        for words in ("Write the reason for the agreed rating", "The next question not yet agreed", "Withdraw"):
            assert words in text


async def test_escape_leaves_a_departure_unsaved_and_backspace_withdraws_an_agreed_rating(tmp_path: Path) -> None:
    async with panel_open(tmp_path) as (_app, pilot, screen, out):
        first = screen.question.id
        await pilot.press("3", "escape")
        await pilot.pause()
        assert screen.index == 0 and first not in agreed_on_disk(out)
        await pilot.press("2", "left", "backspace")
        await pilot.pause()
        assert first not in agreed_on_disk(out)
        assert "Question 1 of 11: proposed" in pane_text(screen)


async def test_if_reading_the_raters_again_ever_failed_the_screen_says_so_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app import panel_watch

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(panel_watch, "read_raters", broken)
    async with panel_open(tmp_path, poll=0.05) as (app, pilot, screen, out):
        for _ in range(200):
            await pilot.pause(0.05)
            if app._notifications:
                break
        (notice,) = list(app._notifications)
        assert "disk on fire" in notice.message and "no longer read again" in notice.message
        await pilot.press("enter")
        assert screen.index == 1 and agreed_on_disk(out)


async def test_a_rater_who_joins_is_named_in_a_notice(tmp_path: Path) -> None:
    async with panel_open(tmp_path, poll=0.05) as (app, pilot, _screen, _out):
        rater_file(tmp_path / "raters", "Di Jones", "community", (3,) * 11)
        for _ in range(200):
            await pilot.pause(0.05)
            if app._notifications:
                break
        (notice,) = list(app._notifications)
        assert notice.message == "Joined: Di Jones (community). Now 4 raters: community 1, patient 2, staff 1."


async def test_the_decks_instrument_works_too_and_a_text_question_takes_the_agreed_words(tmp_path: Path) -> None:
    from tests.panel_support import DECK, rater

    folder = tmp_path / "deck"
    folder.mkdir()
    rater(folder, "Ann", "board", [1] * len(DECK.questions), instrument_id=DECK.id)
    rater(folder, "Bo", "staff", [3] * len(DECK.questions), instrument_id=DECK.id)
    out = tmp_path / "agreed.toml"
    text_at = next(i for i, q in enumerate(DECK.questions) if q.kind == "text")
    with open_panel([folder], out) as session:
        app = PanelApp(session, poll=3600.0)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PanelScreen)
            # The deck's first question: 1 and 3 give 2, two options apart.
            assert "Proposed: 2" in pane_text(screen) and "For discussion" in pane_text(screen)
            screen.show_index(text_at)
            await pilot.pause()
            assert "Not agreed yet: enter or t types the agreed words." in pane_text(screen)
            await pilot.press("enter")
            for key in "Build on the workshops":
                await pilot.press(key if key != " " else "space")
            await pilot.press("enter")
            await pilot.pause()
    agreed = agreed_of(load_assessment(out), DECK.questions[text_at].id)
    assert agreed is not None and agreed.text == "Build on the workshops"


async def test_a_window_smaller_than_80x24_asks_to_be_enlarged_and_nothing_is_lost(tmp_path: Path) -> None:
    from tui.app.too_small import TooSmallScreen

    async with panel_open(tmp_path, size=(70, 20)) as (app, pilot, _screen, _out):
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
