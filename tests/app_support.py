"""Fixed data for the app's Pilot and snapshot tests."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from textual.pilot import Pilot

from surveys.files.response_file import save_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.answers import choose, dont_know, written
from surveys.model.responses import Assessment, Priority, new_assessment, with_answer, with_note, with_priorities
from surveys.results.scoring import score
from surveys.results.suggestions import suggested_priorities
from tui.app.app import StickApp
from tui.app.factory import make_app
from tui.app.question import QuestionScreen

TODAY = date(2026, 3, 31)
STAMP = datetime(2026, 3, 31, 10, 0, tzinfo=UTC)


def fixed(assessment: Assessment, stamp: datetime = STAMP) -> Assessment:
    """Every timestamp fixed, so files and screens are the same on every run."""
    answers = {qid: replace(a, at=stamp) for qid, a in assessment.answers.items()}
    return replace(assessment, answers=answers, created=stamp, updated=stamp)


def answered(organisation: str, on: date, pick: int, upto: int | None = None, plan: bool = False) -> Assessment:
    """An assessment answering option `pick` (or the nearest there is) for the first `upto` questions."""
    instrument = builtin_instrument()
    a = new_assessment(organisation, "Ann Smith", "Equality lead", instrument.id, instrument.version, on=on)
    for n, q in enumerate(instrument.questions[:upto]):
        if q.kind == "text":
            a = with_answer(a, written(q, "Our race equality scheme"))
        elif n == 5:
            a = with_answer(a, dont_know(q))
        else:
            a = with_answer(a, choose(q, min(pick + n % 2, len(q.options))))
    a = with_note(a, instrument.questions[0].id, "Board paper due in May")
    if plan:
        priorities = list(suggested_priorities(instrument, score(instrument, a)))
        priorities[0] = replace(
            priorities[0],
            lead="Dr Patel",
            target=date(2026, 9, 30),
            review=date(2026, 6, 30),
            measure="Ethnicity recorded for 90% of patients",
            status="in progress",
        )
        a = with_priorities(a, (*priorities, Priority(title="Staff workshops", lead="HR")))
    return fixed(a)


def write(folder: Path, name: str, assessment: Assessment, mtime: datetime = STAMP) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    save_assessment(path, assessment)
    os.utime(path, (mtime.timestamp(), mtime.timestamp()))
    return path


def demo_folder(folder: Path) -> Path:
    """Two assessments of one organisation (the later half done) and one of another; returns the later one."""
    write(
        folder,
        "Northfield-PCT-2025-03-31.toml",
        answered("Northfield PCT", date(2025, 3, 31), 1, plan=True),
        STAMP - timedelta(days=365),
    )
    write(
        folder,
        "Riverside-PCT-2026-02-01.toml",
        answered("Riverside PCT", date(2026, 2, 1), 2),
        STAMP - timedelta(days=30),
    )
    return write(folder, "Northfield-PCT-2026-03-31.toml", answered("Northfield PCT", TODAY, 3, upto=20))


@asynccontextmanager
async def questions_open(
    tmp_path: Path,
    size: tuple[int, int] = (80, 24),
    idle_save: float = 2.0,
) -> AsyncIterator[tuple[StickApp, Pilot[None], QuestionScreen, Path]]:
    """The app on the demo folder's later assessment, its question screen up."""
    later = demo_folder(tmp_path / "answers")
    app = make_app(later.parent, later, idle_save=idle_save)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        yield app, pilot, screen, later
