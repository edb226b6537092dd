"""The instrument as typed, immutable values.

An `Instrument` is what a loaded and checked instrument file becomes. Every
cross reference (an option's profile, a question's area) has already been
checked by the loader, so code that reads these values can index freely.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal, NamedTuple

QuestionKind = Literal["profile", "ladder", "choice", "text"]
QUESTION_KINDS: tuple[QuestionKind, ...] = ("profile", "ladder", "choice", "text")

# The deck names the three transitions between the four steps.
TRANSITIONS: tuple[str, ...] = ("content", "process", "practice")

# How answers combine into a figure (format 2 lets the instrument choose).
Rule = Literal["mean", "median", "sum"]
RULES: tuple[Rule, ...] = ("mean", "median", "sum")


class Level(NamedTuple):
    """A level of mainstreaming: where a dimension sits (purpose/identity...)."""

    id: str
    label: str
    question: str


class Profile(NamedTuple):
    id: str
    label: str
    looks_like: tuple[str, ...]
    implications: tuple[str, ...]


class Dimension(NamedTuple):
    id: str
    label: str
    level: str
    description: str
    profiles: tuple[Profile, ...]

    def profile(self, profile_id: str) -> Profile:
        return next(p for p in self.profiles if p.id == profile_id)


class CompetenceStep(NamedTuple):
    number: int
    id: str
    label: str
    meaning: str
    # The transition that leads from this step to the next; empty on the last
    # (and anywhere in a format 2 instrument that names none).
    transition: str
    # What the step scores: its number in the deck; a format 2 scale may start at 0.
    value: int = 0


class Area(NamedTuple):
    """What ladders score: a spoke of the radar (the deck: a competence area on four steps; EDS 2022: an outcome)."""

    id: str
    label: str
    description: str
    # The business function where work on this area usually lives.
    function: str


class BusinessFunction(NamedTuple):
    id: str
    label: str
    description: str


class AdopterCategory(NamedTuple):
    id: str
    label: str
    share: float
    description: str


class Principle(NamedTuple):
    id: str
    label: str


class Option(NamedTuple):
    label: str
    # Exactly one of these is set, according to the question's kind.
    profile: str = ""
    step: int = 0
    adopter: str = ""
    value: str = ""
    # What a scored choice's option counts (format 2: `value` given as a number).
    points: float | None = None


class Question(NamedTuple):
    id: str
    kind: QuestionKind
    text: str
    section: str
    help: str = ""
    dimension: str = ""
    area: str = ""
    function: str = ""
    options: tuple[Option, ...] = ()


class Group(NamedTuple):
    """A set of areas with a subtotal of its own (EDS 2022: a domain of outcomes)."""

    id: str
    label: str
    description: str
    areas: tuple[str, ...]


class Band(NamedTuple):
    """A named range of the overall figure, whole numbers from `low` to `high` inclusive."""

    id: str
    label: str
    low: int
    high: int
    meaning: str


class Scoring(NamedTuple):
    """How figures are formed. The defaults are the deck's rules, which format 1 always uses."""

    area: Rule = "mean"
    group: Rule = "sum"
    overall: Rule = "median"


DECK_SCORING = Scoring()


def is_scored(question: Question) -> bool:
    """Whether `question` counts towards its area: a ladder, or a choice whose options carry points."""
    return bool(question.area) and (
        question.kind == "ladder"
        or (question.kind == "choice" and bool(question.options) and question.options[0].points is not None)
    )


class Section(NamedTuple):
    id: str
    title: str
    intro: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Instrument:
    id: str
    version: int
    title: str
    reading_note: str
    levels: tuple[Level, ...]
    dimensions: tuple[Dimension, ...]
    steps: tuple[CompetenceStep, ...]
    areas: tuple[Area, ...]
    functions: tuple[BusinessFunction, ...]
    adopters: tuple[AdopterCategory, ...]
    principles: tuple[Principle, ...]
    commission: tuple[str, ...]
    sections: tuple[Section, ...]
    # Format 2 only; a format 1 file gets these defaults, so it reads as it always did.
    format: int = 1
    scoring: Scoring = DECK_SCORING
    groups: tuple[Group, ...] = ()
    bands: tuple[Band, ...] = ()
    # The [vocabulary] and [meta] tables as (key, text) pairs, in file order.
    words: tuple[tuple[str, str], ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    # The [glossary] table (either format) as (term, meaning) pairs, in file order: see surveys.instruments.glossary.
    glossary: tuple[tuple[str, str], ...] = ()

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        # Cached: scoring walks the questions once per dimension, area and function.
        return tuple(q for s in self.sections for q in s.questions)

    @cached_property
    def _by_id(self) -> dict[str, Question]:
        # Derived and cached per value: a replace() builds a new value, so a new index.
        return {q.id: q for q in self.questions}

    def question(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    def function(self, function_id: str) -> BusinessFunction:
        return next(f for f in self.functions if f.id == function_id)

    def adopter(self, adopter_id: str) -> AdopterCategory:
        return next(a for a in self.adopters if a.id == adopter_id)

    def step(self, value: int) -> CompetenceStep:
        """The step that scores `value` (in the deck, step N scores N)."""
        return next(s for s in self.steps if s.value == value)

    def reached(self, figure: float) -> CompetenceStep:
        """The highest step at or below `figure`: the deck's "rounded down", for any scale."""
        below = [s for s in self.steps if s.value <= figure + 1e-9]
        return below[-1] if below else self.steps[0]

    @property
    def top(self) -> int:
        return max((s.value for s in self.steps), default=0)

    @property
    def bottom(self) -> int:
        return min((s.value for s in self.steps), default=0)

    def points(self, question: Question, choice: int) -> float:
        option = question.options[choice - 1]
        return float(option.step) if question.kind == "ladder" else float(option.points or 0.0)

    def band(self, band_id: str) -> Band:
        return next(b for b in self.bands if b.id == band_id)

    def group(self, group_id: str) -> Group:
        return next(g for g in self.groups if g.id == group_id)

    def level(self, level_id: str) -> Level:
        return next(lv for lv in self.levels if lv.id == level_id)
