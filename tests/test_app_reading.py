"""What the user reads on the result, radar, plan and export screens is right and whole at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from surveys.instrument_file import builtin_instrument
from surveys.response_file import load_assessment
from surveys.scoring import score
from surveys.suggestions import suggestion_title
from tests.app_support import TODAY, answered, write
from tests.screen_text import flowing
from tui.app.app import StickApp
from tui.app.factory import make_app
from tui.app.hanging import HangingText
from tui.app.result import ResultScreen

SIZES = [(80, 24), (120, 40)]
DECK = builtin_instrument()


@asynccontextmanager
async def result_open(file: Path, size: tuple[int, int]) -> AsyncIterator[tuple[StickApp, str]]:
    """The app on `file`'s result screen; with the result's text, unwrapped."""
    app = make_app(file.parent, file, today=lambda: TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        lines = app.screen.query_one("#result", HangingText).lines(size[0])
        yield app, flowing([line.plain for line in lines])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_result_says_once_that_a_step_counts_once_reached(tmp_path: Path, size: tuple[int, int]) -> None:
    # Seen: "1.5 (step 1)" reads as a mistake (it is the deck's rounding down, unsaid).
    file = write(tmp_path, "a.toml", answered("Northfield PCT", TODAY, 1))
    async with result_open(file, size) as (_, text):
        assert "Applying corporate values: 1.5 (step 1)" in text
        rule = "a step counts once the score reaches it, so 1.5 is step 1"
        assert text.count(rule) == 1


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_result_shows_the_suggested_priorities_and_writes_nothing(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    # Seen: only `stick report` showed them; the Result screen did not.
    file = write(tmp_path, "a.toml", answered("Northfield PCT", TODAY, 1))
    before = file.read_bytes()
    result = score(DECK, load_assessment(file))
    assert result.suggestions
    async with result_open(file, size) as (_, text):
        assert "Suggested priorities (weakest areas first)" in text
        for s in result.suggestions:
            assert suggestion_title(DECK, s) in text
        assert "p opens the plan" in text
    assert file.read_bytes() == before


async def test_a_suggestion_already_in_the_plan_is_said_to_be(tmp_path: Path) -> None:
    file = write(tmp_path, "a.toml", answered("Northfield PCT", TODAY, 1, plan=True))
    async with result_open(file, (120, 40)) as (_, text):
        assert "(in the plan)" in text
