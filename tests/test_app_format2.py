"""The app with EDS 2022 and a minimal check: the result screen in their words, and EDS chosen in the New form."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.instruments.opening import INSTRUMENT_FILE_KEY, open_assessment
from surveys.model.responses import new_assessment
from tests.app_support import TODAY
from tests.example import MINIMAL, example_text
from tests.format2_support import deck_words, saved, scored
from tests.test_app_flow import type_text
from tui.app.factory import make_app
from tui.app.hanging import HangingText
from tui.app.new import NewScreen
from tui.app.question import QuestionScreen
from tui.app.radar import Radar
from tui.app.result import ResultScreen

EDS = builtin_instrument("eds2022")
CASES = [
    ([0] * 11, "Total outcome score: 0 of 33; organisation rating: Underdeveloped activity"),
    ([1] * 11, "Total outcome score: 11 of 33; organisation rating: Developing activity"),
    ([2] * 11, "Total outcome score: 22 of 33; organisation rating: Achieving activity"),
    ([3] * 11, "Total outcome score: 33 of 33; organisation rating: Excelling activity"),
    ([3, 3, 3, 2, 3, 2, 3, 2, 3, 2, 2], "Total outcome score: 28 of 33; organisation rating: Achieving activity"),
]


def _radar_title(radar: Radar) -> str:
    assert radar.data is not None
    return radar.data.title


async def _result_screen(folder: Path, file: Path) -> tuple[str, str]:
    """The result screen's text (unwrapped) and its radar's titles, both views."""
    app = make_app(folder, file, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        shots = [app.export_screenshot()]  # the question screen, as drawn
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        shots.append(app.export_screenshot())
        assert deck_words("".join(shots)) == []
        text = "\n".join(line.plain for line in app.screen.query_one("#result", HangingText).lines(1000))
        titles = [_radar_title(app.screen.query_one(Radar))]
        await pilot.press("r")  # the next view: the domains' totals
        await pilot.pause()
        titles.append(_radar_title(app.screen.query_one(Radar)))
    return text, " / ".join(titles)


@pytest.mark.parametrize(("values", "line"), CASES)
async def test_the_eds_result_screen_shows_the_total_and_its_band(tmp_path: Path, values: list[int], line: str) -> None:
    file = saved(tmp_path, scored(EDS, values))
    text, titles = await _result_screen(tmp_path, file)
    assert line in text
    assert titles == "Outcomes: scores 0-3 / Domains: share of the most each can score"
    assert "About Equality Delivery System 2022 (EDS 2022)" in text and "Reading note: " in text
    assert deck_words(text + titles) == []


async def test_the_eds_result_screen_shows_each_domain_total(tmp_path: Path) -> None:
    file = saved(tmp_path, scored(EDS, CASES[-1][0]))
    text, _ = await _result_screen(tmp_path, file)
    assert "Domain 1: Commissioned or provided services: 11 of 12" in text
    assert "Domain 3: Inclusive leadership: 7 of 9" in text
    assert "1A: Patients (service users) have required levels of access to the service: 3 (Excelling activity)" in text


async def test_a_minimal_check_result_screen_has_none_of_the_decks_words(tmp_path: Path) -> None:
    (tmp_path / "rag.toml").write_text(example_text(MINIMAL), encoding="utf-8")
    assessment = new_assessment("Northfield", "Ann", "", "rag-check", 1, extra={INSTRUMENT_FILE_KEY: "rag.toml"})
    path = saved(tmp_path, assessment)
    with_answers = replace(
        scored(open_assessment(path).instrument, [2, 2, 1, 1, 0, 2]), extra={INSTRUMENT_FILE_KEY: "rag.toml"}
    )
    saved(tmp_path, with_answers, path.name)
    text, titles = await _result_screen(tmp_path, path)
    assert "Overall score: 1.3 of 2, Amber" in text
    assert deck_words(text + titles) == []


async def test_the_new_form_offers_eds_and_creates_an_eds_assessment(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    app = make_app(folder, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert isinstance(app.screen, NewScreen)
        assert app.screen.query_one("#organisation", Input).placeholder == "e.g. Northfield PCT"
        await type_text(pilot, "Northfield NHS Trust")
        await pilot.press("enter")
        await type_text(pilot, "The board")
        await pilot.press("enter", "enter")  # past the role, to the instrument
        select = app.screen.query_one("#instrument", Select)
        assert select.has_focus and select.value == "race-equality-stick"
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert select.value == "eds2022"
        assert app.screen.query_one("#organisation", Input).placeholder == "e.g. Northfield NHS Trust"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.question.id == "1a"
    files = list(folder.glob("*.toml"))
    assert len(files) == 1
    made = load_assessment(files[0])
    assert (made.instrument_id, made.organisation) == ("eds2022", "Northfield NHS Trust")
    assert INSTRUMENT_FILE_KEY not in made.extra
