"""How the raters' answers to one question spread, and the rating the panel is offered.

The rules, once for every front end:
- an answer counts when it chooses an option that fits the instrument as it is;
  a don't know, no answer and an answer to change (its option's label moved)
  are counted apart and left out of the figures;
- the proposed agreed rating is the median of the chosen option numbers,
  rounded toward the lower option where it falls between two (2 and 3 give 2;
  2 and 4 give 3, an option of its own);
- raters who differ by two options or more mark the question for discussion.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from surveys.model.answers import AnswerState, resolve
from surveys.model.instrument import Question
from surveys.panel.raters import Rater, group_key

DISCUSS_SPREAD = 2  # options apart


class Rating(NamedTuple):
    """One rater's answer to one question."""

    rater: str  # the rater's key (surveys.panel.raters.Rater.key)
    respondent: str
    group: str
    choice: int = 0  # 1-based; 0: no option counted
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


def proposal(choices: Sequence[int]) -> int | None:
    """The median option, rounded toward the lower one between two; None for no choices."""
    return math.floor(statistics.median(choices)) if choices else None


@dataclass(frozen=True)
class Spread:
    question_id: str
    labels: tuple[str, ...]  # the options' labels, option 1 first; empty for a text question
    ratings: tuple[Rating, ...]  # every rater, in the raters' order
    groups: tuple[str, ...] = ()  # the panel's groups, in their order

    @cached_property
    def chosen(self) -> tuple[int, ...]:
        return tuple(sorted(r.choice for r in self.ratings if r.choice))

    @cached_property
    def counts(self) -> tuple[int, ...]:
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
        return self.chosen[0] if self.chosen else None

    @property
    def highest(self) -> int | None:
        return self.chosen[-1] if self.chosen else None

    @property
    def median(self) -> float | None:
        return float(statistics.median(self.chosen)) if self.chosen else None

    @property
    def proposed(self) -> int | None:
        return proposal(self.chosen)

    @property
    def discuss(self) -> bool:
        return bool(self.chosen) and self.chosen[-1] - self.chosen[0] >= DISCUSS_SPREAD

    def group_proposal(self, group: str) -> int | None:
        """What the group's raters alone would have proposed."""
        return proposal(sorted(r.choice for r in self.ratings if r.choice and group_key(r.group) == group_key(group)))


def _counts(labels: Sequence[str], ratings: Sequence[Rating]) -> tuple[int, ...]:
    counts = [0] * len(labels)
    for rating in ratings:
        if 1 <= rating.choice <= len(labels):
            counts[rating.choice - 1] += 1
    return tuple(counts)


def spread_of(question: Question, raters: Sequence[Rater], groups: Sequence[str] = ()) -> Spread:
    labels = tuple(o.label for o in question.options) if question.kind != "text" else ()
    return Spread(question.id, labels, tuple(rating_of(question, r) for r in raters), tuple(groups))
