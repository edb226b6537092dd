"""Rater files for the panel's tests: EDS 2022 answered by raters of named groups, with fixed times."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from surveys.files.response_file import save_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.answers import choose, dont_know
from surveys.model.responses import Assessment, new_assessment, with_answer, with_note

DAY = date(2026, 3, 31)
STAMP = datetime(2026, 3, 31, 10, 0, tzinfo=UTC)
ORGANISATION = "Northfield NHS Trust"

# Three raters from two groups, option numbers for the 11 outcomes (0 leaves one unanswered, -1 is don't know).
# Outcome 1: 2, 2, 3 (median 2, proposed 2); outcome 2: 1, 3, 4 (differs by 3: for discussion).
RATERS: tuple[tuple[str, str, tuple[int, ...]], ...] = (
    ("Ann Patel", "patient", (2, 1, 3, 3, 2, 2, 1, 2, 3, 3, 2)),
    ("Bo Chen", "patient", (2, 3, 3, 2, 2, -1, 2, 2, 3, 2, 0)),
    ("Cy Okafor", "staff", (3, 4, 3, 2, 3, 2, 2, 1, 3, 2, 2)),
)
NOTES = {
    ("Ann Patel", 0): "Waiting times shown by ethnicity in the May paper",
    ("Cy Okafor", 1): "Staff survey: 40% saw it",
}


def rater_assessment(name: str, group: str, choices: Sequence[int], on: date = DAY) -> Assessment:
    instrument = builtin_instrument("eds2022")
    extra = {"group": group} if group else {}
    a = new_assessment(ORGANISATION, name, "Rater", instrument.id, instrument.version, on=on, extra=extra)
    for n, (question, choice) in enumerate(zip(instrument.questions, choices, strict=False)):
        if choice > 0:
            a = with_answer(a, choose(question, choice))
        elif choice < 0:
            a = with_answer(a, dont_know(question))
        note = NOTES.get((name, n))
        if note:
            a = with_note(a, question.id, note)
    answers = {qid: replace(answer, at=STAMP) for qid, answer in a.answers.items()}
    return replace(a, answers=answers, created=STAMP, updated=STAMP)


def rater_file(folder: Path, name: str, group: str, choices: Sequence[int]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name.replace(' ', '-')}.toml"
    save_assessment(path, rater_assessment(name, group, choices))
    os.utime(path, (STAMP.timestamp(), STAMP.timestamp()))
    return path


def raters_folder(folder: Path) -> Path:
    """The three raters of RATERS in `folder`; returns the folder."""
    for name, group, choices in RATERS:
        rater_file(folder, name, group, choices)
    return folder
