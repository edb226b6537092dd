"""The app and the interview write the same file, byte for byte, for the same answers typed the same way.

Both go through the one editing session, so they cannot disagree about what is
saved: the note kept with an answer, a text answer as typed, a new priority's
business function, the plan. The clock is fixed, so every stamp is the same.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from surveys.editing.session import EditingSession
from surveys.files.response_file import load_assessment, save_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import new_assessment
from tests.interview_helpers import Script
from tui.app.factory import make_app
from tui.app.plan import PlanScreen
from tui.app.priority_editor import PriorityEditor
from tui.app.result import ResultScreen
from tui.interview.flow import Walk
from tui.interview.plain import run_plain

INSTRUMENT = builtin_instrument()
AT = datetime(2026, 3, 31, 10, 0, tzinfo=UTC)


def clock() -> datetime:
    return AT


def pick(n: int) -> int:
    """The option chosen at question `n`: the same rule for both front ends."""
    return 1 + n % len(INSTRUMENT.questions[n].options)


def start(path: Path) -> None:
    a = new_assessment("Northfield PCT", "Ann Smith", "Equality lead", INSTRUMENT.id, INSTRUMENT.version)
    save_assessment(path, replace(a, created=AT, updated=AT))


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def through_the_app(path: Path) -> None:
    app = make_app(path.parent, path, idle_save=0.05, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for n, question in enumerate(INSTRUMENT.questions):
            if n == 0:
                await pilot.press("t")
                await type_text(pilot, "Board paper due")
                await pilot.press("enter")
            if question.kind == "text":
                await pilot.press("enter")
                await type_text(pilot, f"answer {n}")
                await pilot.press("enter")
            else:
                await pilot.press(str(pick(n)))
            await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, PriorityEditor)
        await type_text(pilot, "Staff workshops")
        editor.query_one("#area", Select).value = INSTRUMENT.areas[1].id
        await pilot.pause()
        editor.query_one("#lead", Input).focus()
        await type_text(pilot, "Dr Patel")
        editor.query_one("#target", Input).focus()
        await type_text(pilot, "2026-09-30")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")


def through_the_interview(path: Path) -> None:
    lines = []
    for n, question in enumerate(INSTRUMENT.questions):
        if question.kind == "text":
            lines.append(f"answer {n}")
        else:
            lines.append(f"{pick(n)} Board paper due" if n == 0 else str(pick(n)))
    # y: add a priority; the area; title, lead; the function offered (its area's); target, review, measure.
    lines += ["y", "2", "Staff workshops", "Dr Patel", "", "2026-09-30", "", "", "n"]
    opened = load_assessment(path)
    session = EditingSession(INSTRUMENT, opened, lambda a: save_assessment(path, a), clock=clock)
    assert run_plain(Walk(session), Script(path, lines), path) == 0


@pytest.mark.slow
async def test_app_and_interview_write_the_same_bytes(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "interview").mkdir()
    by_app = tmp_path / "app" / "a.toml"
    start(by_app)
    by_interview = tmp_path / "interview" / "a.toml"
    shutil.copyfile(by_app, by_interview)

    await through_the_app(by_app)
    through_the_interview(by_interview)

    saved = load_assessment(by_app)
    assert len(saved.priorities) == 1 and saved.priorities[0].function  # the area's function, in both
    assert saved.answers[INSTRUMENT.questions[0].id].note == "Board paper due"
    assert by_app.read_bytes() == by_interview.read_bytes()
