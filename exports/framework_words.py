"""The few headings the workbook shares with the engine's vocabulary, until every sheet takes its words from it.

The deck's instrument keeps the headings it always had; any other instrument
is headed in its own words, on its own scale.
"""

from __future__ import annotations

from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, scored_heading, vocabulary


def by_area(instrument: Instrument) -> str:
    """ "Competence by area" for the deck; an instrument's own name for its areas otherwise."""
    if instrument.format == 1:
        return f"{scored_heading(instrument)} by area"
    return heading(vocabulary(instrument).areas)


def scale(instrument: Instrument) -> str:
    """ "(steps 1 to 4)" for the deck: the steps' own name and the scale's ends."""
    return f"({vocabulary(instrument).steps} {instrument.bottom} to {instrument.top})"


def step_word(instrument: Instrument) -> str:
    return heading(vocabulary(instrument).step)


def made_by(instrument: Instrument) -> str:
    words = vocabulary(instrument).assessment
    article = "an" if words[:1].lower() in "aeiou" else "a"
    return f"{article} {words}"
