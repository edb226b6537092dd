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

from surveys.model.instrument import Instrument


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
    # Format 2's own parts: the deck has none of them, so these words never show for it.
    group: str = "group"
    groups: str = "groups"
    band: str = "band"
    overall: str = "overall score"
    evidence: str = "notes"
    organisation_example: str = "Northfield PCT"


DECK = Vocabulary()

# What a format 2 instrument is called when it names nothing itself: plain words,
# none of the deck's (no "competence", no "race equality").
PLAIN = DECK._replace(
    assessment="self-assessment",
    step="rating",
    steps="ratings",
    ladder="rating",
    transition="next move",
    function="function",
    functions="functions",
    principle="principle",
    principles="principles",
    organisation_example="the organisation assessed",
)


def vocabulary(instrument: Instrument) -> Vocabulary:
    """The words `instrument` uses for its concepts: a format 1 file speaks the deck's."""
    if instrument.format == 1:
        return DECK
    return PLAIN._replace(**dict(instrument.words))


def heading(word: str) -> str:
    """`word` as it starts a line or a column header: first letter upper case, the rest as written."""
    return word[:1].upper() + word[1:]


def scored_heading(instrument: Instrument) -> str:
    """The heading over the scored part of a result: the deck's "Competence", else the areas' own name."""
    words = vocabulary(instrument)
    return heading(words.ladder) if instrument.format == 1 else heading(words.areas)


def area_title(instrument: Instrument) -> str:
    """What a priority's area field is called: the deck's "Competence area", else the area's own name."""
    words = vocabulary(instrument)
    return f"{heading(words.ladder)} {words.area}" if instrument.format == 1 else heading(words.area)


def step_rule(instrument: Instrument) -> str:
    """How an area's figure becomes a step (`Instrument.reached`), said once beside the figures.

    A figure between two steps has reached only the lower one: the deck's
    "rounded down", which "1.5 (step 1)" alone does not say. Empty when no
    area reaches a step (no steps, or areas that are summed).
    """
    values = sorted(s.value for s in instrument.steps)
    if len(values) < 2 or instrument.scoring.area == "sum":
        return ""
    words = vocabulary(instrument)
    low = instrument.reached(values[0])
    between = f"{(values[0] + values[1]) / 2:g}"
    named = f"{words.step} {low.value}" if instrument.format == 1 else low.label
    how = f"the {instrument.scoring.area} of its answers"
    reached = f"a {words.step} counts once the score reaches it, so {between} is {named}"
    return f"Each {words.area}'s score is {how}; {reached}."
