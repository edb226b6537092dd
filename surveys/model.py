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
    # The transition that leads from this step to the next; empty on the last.
    transition: str


class Area(NamedTuple):
    """A spoke of the competence radar, scored on the four steps."""

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

    def step(self, number: int) -> CompetenceStep:
        return self.steps[number - 1]

    def level(self, level_id: str) -> Level:
        return next(lv for lv in self.levels if lv.id == level_id)
