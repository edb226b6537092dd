"""What a framework calls its concepts, in one place.

Every screen, the report, the interview, the JSON and the workbook take their
heading words from here rather than writing "competence" or "adopter" into
their own text, so an instrument that names its concepts differently (EDS 2022
rates outcomes, not areas on steps) is read in its own words.

The words are lower case, as they stand inside a sentence; `heading()` gives
the form that starts a line.
"""

from __future__ import annotations

from typing import NamedTuple

from surveys.model import Instrument


class Vocabulary(NamedTuple):
    # The deck's own words are the defaults: the built-in instrument is the deck.
    assessment: str = "race equality self-assessment"
    area: str = "area"
    areas: str = "areas"
    step: str = "step"
    steps: str = "steps"
    ladder: str = "competence"
    transition: str = "transition"
    dimension: str = "dimension"
    dimensions: str = "dimensions"
    profile: str = "profile"
    profiles: str = "profiles"
    adopter: str = "adopter category"
    adopters: str = "adopter categories"
    function: str = "business function"
    functions: str = "business functions"
    principle: str = "core principle"
    principles: str = "core principles"
    priority: str = "priority"
    priorities: str = "priorities"


DECK = Vocabulary()


def vocabulary(instrument: Instrument) -> Vocabulary:
    """The words `instrument` uses for its concepts."""
    return DECK


def heading(word: str) -> str:
    """`word` as it starts a line or a column header: first letter upper case, the rest as written."""
    return word[:1].upper() + word[1:]
