"""Assessments with fixed answers for format 2 instruments, and the deck's words they must not show."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from surveys.files.response_file import save_assessment
from surveys.model.instrument import Instrument
from surveys.model.responses import Answer, Assessment

AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
# Words of the deck's framework that an instrument without it must never show.
DECK_WORDS = re.compile(r"competence|adopter|profile|RRAA", re.IGNORECASE)


def scored(instrument: Instrument, values: Sequence[int | None], notes: dict[str, str] | None = None) -> Assessment:
    """An assessment answering each question with the option scoring `values[i]` (None: unanswered)."""
    answers = {}
    for question, value in zip(instrument.questions, values, strict=False):
        note = (notes or {}).get(question.id, "")
        if value is None:
            if note:
                answers[question.id] = Answer(question.id, note=note, at=AT)
            continue
        choice = next(
            n
            for n, o in enumerate(question.options, start=1)
            if (o.points if question.kind == "choice" else o.step) == value
        )
        answers[question.id] = Answer(question.id, choice, question.options[choice - 1].label, note=note, at=AT)
    return Assessment(
        "Northfield NHS Trust", "The board", "", date(2026, 12, 1), instrument.id, instrument.version, AT, AT, answers
    )


def saved(folder: Path, assessment: Assessment, name: str = "a.toml") -> Path:
    path = folder / name
    save_assessment(path, assessment)
    return path


def deck_words(text: str) -> list[str]:
    return sorted({m.group(0).lower() for m in DECK_WORDS.finditer(text)})
