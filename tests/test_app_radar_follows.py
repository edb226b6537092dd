"""The radar beside the questions shows what the question on screen feeds, from the first key (issue 22).

Seen: a new assessment opened on the competence-area radar, "No answers yet,
so nothing is drawn", while its first twelve questions fed the dimensions: the
first twelve answers changed nothing on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual._compositor import Compositor

from surveys.files.response_file import save_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import new_assessment
from tests.app_support import TODAY
from tests.format2_support import saved, scored
from tui.app.factory import make_app
from tui.app.question import QuestionScreen
from tui.app.radar import MARKER, Radar
from tui.app.radar_data import RadarData
from tui.app.radar_geometry import BRAILLE_BASE
from tui.app.result import ResultScreen

DECK = builtin_instrument()
EDS = builtin_instrument("eds2022")
AREAS_TITLE = "Competence areas: steps 1-4"
FIT_TITLE = "Profile fit, by dimension"


def new_file(folder: Path, instrument_id: str = DECK.id) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "a.toml"
    instrument = builtin_instrument(instrument_id) if instrument_id != DECK.id else DECK
    save_assessment(path, new_assessment("Northfield PCT", "Ann", "Lead", instrument.id, instrument.version, on=TODAY))
    return path


def shown(radar: Radar) -> RadarData:
    assert radar.data is not None
    return radar.data


async def test_a_new_assessment_opens_on_the_view_its_first_question_feeds_and_follows_the_questions(
    tmp_path: Path,
) -> None:
    path = new_file(tmp_path / "answers")
    app = make_app(path.parent, path, today=lambda: TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.index == 0
        radar = screen.query_one(Radar)
        first = shown(radar)
        assert first.title == FIT_TITLE and first.marked == (0, 1, 2)  # the first dimension's three profiles
        assert any(MARKER in line for line in radar.picture_text())
        before = radar.picture_text()
        await pilot.press("1")
        assert radar.picture_text() != before  # the answer's own frame: no extra key or pause
        while screen.question.kind == "profile":
            await pilot.press("1")
        assert screen.question.kind == "ladder"
        assert shown(radar).title == AREAS_TITLE and shown(radar).marked == (0,)


@contextmanager
def frames(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[int, tuple[int, str]]]]:
    """Each partial screen update as it is sent: its lines by row, each as (first column, text)."""
    sent: list[dict[int, tuple[int, str]]] = []
    real = Compositor.render_partial_update

    def recording(self: Compositor) -> Any:
        update = real(self)
        if update is not None:
            sent.append(
                {
                    y: (x1, "".join(strip.text for strip in update.chops[y].values() if strip is not None))
                    for y, x1, _ in update.spans
                }
            )
        return update

    monkeypatch.setattr(Compositor, "render_partial_update", recording)
    yield sent


async def test_the_answer_s_own_frame_carries_the_new_shape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The change must be seen at once: in the one frame that shows the next question, not in one after it.
    path = new_file(tmp_path / "answers")
    app = make_app(path.parent, path, today=lambda: TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        radar = app.screen.query_one(Radar)
        with frames(monkeypatch) as sent:
            await pilot.press("1")
            await pilot.pause()
        left = radar.region.x

        def braille_in_radar(frame: dict[int, tuple[int, str]]) -> bool:
            return any(
                BRAILLE_BASE < ord(ch) <= BRAILLE_BASE + 255
                for x1, text in frame.values()
                for x, ch in enumerate(text, start=x1)
                if x >= left
            )

        showing = [i for i, frame in enumerate(sent) if any("Question 2 of" in text for _, text in frame.values())]
        assert showing, "no frame showed the next question"
        assert braille_in_radar(sent[showing[0]])  # the shape is in the very frame that shows question 2
        assert not any(braille_in_radar(frame) for frame in sent[showing[0] + 1 :])  # and no frame redraws it after


async def test_r_chooses_a_view_by_hand_until_the_next_section(tmp_path: Path) -> None:
    path = new_file(tmp_path / "answers")
    app = make_app(path.parent, path, today=lambda: TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        radar = screen.query_one(Radar)
        section = screen.question.section
        await pilot.press("r")
        assert shown(radar).title == AREAS_TITLE and shown(radar).marked == ()  # this question feeds no area
        await pilot.press("1")
        assert screen.question.section == section and shown(radar).title == AREAS_TITLE  # kept in the section
        while screen.question.section == section:
            await pilot.press("1")
        assert shown(radar).title == FIT_TITLE  # the next section: following again


async def test_an_eds_outcome_shows_its_domain_with_the_outcome_marked(tmp_path: Path) -> None:
    path = new_file(tmp_path / "answers", EDS.id)
    app = make_app(path.parent, path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        radar = screen.query_one(Radar)
        for _ in range(5):  # 1A-1D, then 2A
            await pilot.press("3")
        assert screen.question.id == "2b"
        data = shown(radar)
        assert data.title.startswith("Domain 2: Workforce") and data.marked == (1,)
        assert data.labels[0].startswith("2A") and not all(data.outlines[0].missing)
        assert any(f"{MARKER}2B" in line for line in radar.picture_text())


async def test_the_result_opens_on_the_whole_and_marks_no_axis(tmp_path: Path) -> None:
    path = saved(tmp_path, scored(EDS, [3, 2, 1, 0, 3, 2, 1, 0, 3, 3, 3]))
    app = make_app(path.parent, path, today=lambda: TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        data = shown(app.screen.query_one(Radar))
        assert data.title == "Outcomes: scores 0-3" and data.marked == ()
        assert not any(MARKER in line for line in app.screen.query_one(Radar).picture_text())
