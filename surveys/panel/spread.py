"""How the raters' answers to one question spread, and the rating the panel is offered.

The rules, once for every front end:
- an answer counts when it chooses an option that fits the instrument as it is;
  a don't know, no answer and an answer to change (its option's label moved)
  are counted apart and left out of the figures;
- the options are placed on the question's own scale, lowest first (`scale_order`):
  a ladder by its steps, a scored choice by its points, a profile question by its
  dimension's profiles in order, an adopter question by the categories in order;
  the deck lists a profile question's options in another order on purpose, so
  the option's number alone would be no scale at all;
- the proposed agreed rating is the median place on that scale, rounded toward
  the lower option where it falls between two (places 2 and 3 give 2; 2 and 4
  give 3, an option of its own);
- raters two or more places apart mark the question for discussion.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from surveys.model.answers import AnswerState, resolve
from surveys.model.instrument import Instrument, Option, Question
from surveys.panel.raters import Rater, group_key

DISCUSS_SPREAD = 2  # places apart on the scale


class Rating(NamedTuple):
    """One rater's answer to one question."""

    rater: str  # the rater's key (surveys.panel.raters.Rater.key)
    respondent: str
    group: str
    choice: int = 0  # 1-based option number; 0: no option counted
    label: str = ""
    dont_know: bool = False
    text: str = ""
    note: str = ""

    @property
    def given(self) -> bool:
        return self.choice > 0 or self.dont_know or bool(self.text)


def rating_of(question: Question, rater: Rater) -> Rating:
    answer = rater.assessment.answer(question.id)
    if answer is None:
        return Rating(rater.key, rater.respondent, rater.group)
    state = resolve(question, answer)
    counted = state is AnswerState.ANSWERED
    return Rating(
        rater.key,
        rater.respondent,
        rater.group,
        choice=answer.choice if counted and question.kind != "text" else 0,
        label=answer.label if counted and question.kind != "text" else "",
        dont_know=state is AnswerState.DONT_KNOW,
        text=answer.text if counted and question.kind == "text" else "",
        note=answer.note,
    )


def scale_order(instrument: Instrument, question: Question) -> tuple[int, ...]:
    """The question's option numbers from the lowest to the highest on its scale."""

    def rank(number: int, option: Option) -> float:
        if question.kind == "ladder":
            return float(option.step)
        if question.kind == "profile" and question.dimension:
            ids = [p.id for p in instrument.dimension(question.dimension).profiles]
            return float(ids.index(option.profile)) if option.profile in ids else float(number)
        if option.points is not None:
            return option.points
        if option.adopter:
            ids = [a.id for a in instrument.adopters]
            return float(ids.index(option.adopter)) if option.adopter in ids else float(number)
        return float(number)

    numbered = list(enumerate(question.options, start=1))
    return tuple(n for n, _ in sorted(numbered, key=lambda pair: (rank(*pair), pair[0])))


def proposal(places: Sequence[int]) -> int | None:
    """The median place, rounded toward the lower one between two; None for no places."""
    return math.floor(statistics.median(places)) if places else None


@dataclass(frozen=True)
class Spread:
    question_id: str
    labels: tuple[str, ...]  # the options' labels, option 1 first; empty for a text question
    ratings: tuple[Rating, ...]  # every rater, in the raters' order
    groups: tuple[str, ...] = ()  # the panel's groups, in their order
    order: tuple[int, ...] = ()  # option numbers from lowest to highest on the scale (empty: as numbered)

    @cached_property
    def scale(self) -> tuple[int, ...]:
        return self.order or tuple(range(1, len(self.labels) + 1))

    @cached_property
    def in_order(self) -> bool:
        """Whether the options are numbered in the order of the scale (a ladder's are)."""
        return self.scale == tuple(range(1, len(self.labels) + 1))

    def place(self, choice: int) -> int:
        """Where option `choice` stands on the scale, 1 for the lowest."""
        return self.scale.index(choice) + 1

    def _places(self, group: str | None = None) -> tuple[int, ...]:
        chosen = [
            r.choice
            for r in self.ratings
            if r.choice in self.scale and (group is None or group_key(r.group) == group_key(group))
        ]
        return tuple(sorted(self.place(c) for c in chosen))

    @cached_property
    def places(self) -> tuple[int, ...]:
        return self._places()

    @cached_property
    def counts(self) -> tuple[int, ...]:
        """How many raters chose each option, option 1 first."""
        return _counts(self.labels, self.ratings)

    @cached_property
    def by_group(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """Each group with raters, and its count per option."""
        out = []
        for group in self.groups:
            members = [r for r in self.ratings if group_key(r.group) == group_key(group)]
            if members:
                out.append((group, _counts(self.labels, members)))
        return tuple(out)

    @property
    def dont_know(self) -> tuple[Rating, ...]:
        return tuple(r for r in self.ratings if r.dont_know)

    @property
    def unanswered(self) -> tuple[Rating, ...]:
        return tuple(r for r in self.ratings if not r.given)

    @property
    def lowest(self) -> int | None:
        """The lowest option chosen, on the scale."""
        return self.scale[self.places[0] - 1] if self.places else None

    @property
    def highest(self) -> int | None:
        return self.scale[self.places[-1] - 1] if self.places else None

    @property
    def median(self) -> float | None:
        """The median place on the scale, 1 for the lowest (for a ladder, the option's number)."""
        return float(statistics.median(self.places)) if self.places else None

    @property
    def proposed(self) -> int | None:
        """The option proposed: at the median place, rounded to the lower option between two."""
        place = proposal(self.places)
        return self.scale[place - 1] if place is not None else None

    @property
    def apart(self) -> int:
        """How many places the lowest and highest choices are apart."""
        return self.places[-1] - self.places[0] if self.places else 0

    @property
    def discuss(self) -> bool:
        return self.apart >= DISCUSS_SPREAD

    def group_proposal(self, group: str) -> int | None:
        """What the group's raters alone would have proposed."""
        place = proposal(self._places(group))
        return self.scale[place - 1] if place is not None else None


def _counts(labels: Sequence[str], ratings: Sequence[Rating]) -> tuple[int, ...]:
    counts = [0] * len(labels)
    for rating in ratings:
        if 1 <= rating.choice <= len(labels):
            counts[rating.choice - 1] += 1
    return tuple(counts)


def spread_of(
    instrument: Instrument, question: Question, raters: Sequence[Rater], groups: Sequence[str] = ()
) -> Spread:
    if question.kind == "text":
        return Spread(question.id, (), tuple(rating_of(question, r) for r in raters), tuple(groups))
    labels = tuple(o.label for o in question.options)
    ratings = tuple(rating_of(question, r) for r in raters)
    return Spread(question.id, labels, ratings, tuple(groups), scale_order(instrument, question))
