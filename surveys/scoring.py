"""Scoring: pure functions from an instrument and an assessment to a `Result`.

The rules are written out in docs/instrument-format.md ("Scoring"). The one
that matters most: a missing answer (unanswered, don't know, needing review)
is left out of every score, never counted as low.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from surveys.answers import AnswerState, resolve
from surveys.model import Instrument, Question
from surveys.responses import Assessment

MAX_SUGGESTIONS = 5
TOP_STEP = 4


class DimensionResult(NamedTuple):
    dimension: str
    fits: tuple[tuple[str, float], ...]  # (profile id, share of answers), in profile order
    answered: int
    total: int
    placement: tuple[str, ...]  # empty: no answers; more than one: a tie

    @property
    def tie(self) -> bool:
        return len(self.placement) > 1


class AreaResult(NamedTuple):
    area: str
    score: float | None  # mean step, 1 to 4
    step: int | None  # the step reached: the score rounded down
    answered: int
    total: int


class FunctionResult(NamedTuple):
    function: str
    score: float | None
    answered: int


class Suggestion(NamedTuple):
    area: str
    function: str
    score: float
    step: int
    transition: str  # what moves it to the next step: content, process or practice


class Implication(NamedTuple):
    source: str  # e.g. "Organisational maturity: Naive"
    text: str


class Completeness(NamedTuple):
    total: int
    answered: int
    dont_know: int
    unanswered: int
    needs_review: int

    @property
    def percent(self) -> int:
        return math.floor(100 * self.answered / self.total) if self.total else 0


class Result(NamedTuple):
    dimensions: tuple[DimensionResult, ...]
    areas: tuple[AreaResult, ...]
    functions: tuple[FunctionResult, ...]
    overall_step: int | None
    adopter: str | None
    implications: tuple[Implication, ...]
    suggestions: tuple[Suggestion, ...]
    completeness: Completeness
    needs_review: tuple[str, ...]  # question ids whose answers must be looked at again
    orphans: tuple[str, ...]  # answers to questions the instrument no longer has


def _chosen(instrument: Instrument, assessment: Assessment) -> dict[str, int]:
    """Question id -> chosen option number, for answers that count."""
    out = {}
    for question in instrument.questions:
        answer = assessment.answer(question.id)
        if answer is not None and resolve(question, answer) is AnswerState.ANSWERED and answer.choice:
            out[question.id] = answer.choice
    return out


def score_dimensions(instrument: Instrument, chosen: dict[str, int]) -> tuple[DimensionResult, ...]:
    out = []
    for dimension in instrument.dimensions:
        asked = [q for q in instrument.questions if q.kind == "profile" and q.dimension == dimension.id]
        picks = [q.options[chosen[q.id] - 1].profile for q in asked if q.id in chosen]
        fits = tuple((p.id, picks.count(p.id) / len(picks) if picks else 0.0) for p in dimension.profiles)
        best = max((fit for _, fit in fits), default=0.0)
        placement = tuple(pid for pid, fit in fits if picks and fit == best)
        out.append(DimensionResult(dimension.id, fits, len(picks), len(asked), placement))
    return tuple(out)


def _mean_steps(questions: list[Question], chosen: dict[str, int]) -> tuple[float | None, int]:
    steps = [q.options[chosen[q.id] - 1].step for q in questions if q.id in chosen]
    return (sum(steps) / len(steps) if steps else None), len(steps)


def score_areas(instrument: Instrument, chosen: dict[str, int]) -> tuple[AreaResult, ...]:
    out = []
    for area in instrument.areas:
        asked = [q for q in instrument.questions if q.kind == "ladder" and q.area == area.id]
        score, answered = _mean_steps(asked, chosen)
        step = math.floor(score) if score is not None else None
        out.append(AreaResult(area.id, score, step, answered, len(asked)))
    return tuple(out)


def score_functions(instrument: Instrument, chosen: dict[str, int]) -> tuple[FunctionResult, ...]:
    out = []
    for function in instrument.functions:
        asked = [q for q in instrument.questions if q.kind == "ladder" and q.function == function.id]
        score, answered = _mean_steps(asked, chosen)
        out.append(FunctionResult(function.id, score, answered))
    return tuple(out)


def overall_step(areas: tuple[AreaResult, ...]) -> int | None:
    """The median of the scored areas, rounded down."""
    scores = [a.score for a in areas if a.score is not None]
    return math.floor(_median(scores)) if scores else None


def _median(values: list[float]) -> float:
    # Written out rather than importing `statistics`, which pulls in decimal,
    # fractions and random: a cost every start of the app would pay.
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def adopter_category(instrument: Instrument, chosen: dict[str, int]) -> str | None:
    for question in instrument.questions:
        if question.kind == "choice" and any(o.adopter for o in question.options):
            if question.id not in chosen:
                return None
            return question.options[chosen[question.id] - 1].adopter or None
    return None


def suggest(
    instrument: Instrument, areas: tuple[AreaResult, ...], functions: tuple[FunctionResult, ...]
) -> tuple[Suggestion, ...]:
    """The weakest areas below the top step, each with a function and its next transition."""
    function_scores = {f.function: f.score for f in functions}
    weak = sorted(
        (a for a in areas if a.score is not None and a.step is not None and a.step < TOP_STEP),
        key=lambda a: a.score or 0.0,  # sorted() is stable: instrument order breaks ties
    )
    out = []
    for result in weak[:MAX_SUGGESTIONS]:
        assert result.score is not None and result.step is not None
        area = instrument.area(result.area)
        named = [q.function for q in instrument.questions if q.area == area.id and q.function]
        scored = [f for f in dict.fromkeys(named) if function_scores.get(f) is not None]
        function = min(scored, key=lambda f: function_scores[f] or 0.0) if scored else area.function
        transition = instrument.step(result.step).transition
        out.append(Suggestion(area.id, function, result.score, result.step, transition))
    return tuple(out)


def implications(
    instrument: Instrument, dimensions: tuple[DimensionResult, ...], step: int | None, adopter: str | None
) -> tuple[Implication, ...]:
    out: list[Implication] = []
    for result in dimensions:
        dimension = instrument.dimension(result.dimension)
        for pid in result.placement:
            profile = dimension.profile(pid)
            source = f"{dimension.label}: {profile.label}" + (" (tied)" if result.tie else "")
            out.extend(Implication(source, text) for text in profile.implications)
    if step is not None:
        competence = instrument.step(step)
        out.append(Implication(f"Competence: {competence.label}", competence.meaning))
    if adopter is not None:
        category = instrument.adopter(adopter)
        out.append(Implication(f"Adopter category: {category.label}", category.description))
    return tuple(out)


def completeness(instrument: Instrument, assessment: Assessment) -> tuple[Completeness, tuple[str, ...]]:
    states = {q.id: resolve(q, assessment.answer(q.id)) for q in instrument.questions}
    review = tuple(qid for qid, s in states.items() if s is AnswerState.NEEDS_REVIEW)
    counts = list(states.values())
    return Completeness(
        total=len(counts),
        answered=counts.count(AnswerState.ANSWERED),
        dont_know=counts.count(AnswerState.DONT_KNOW),
        unanswered=counts.count(AnswerState.UNANSWERED),
        needs_review=len(review),
    ), review


def score(instrument: Instrument, assessment: Assessment) -> Result:
    chosen = _chosen(instrument, assessment)
    dimensions = score_dimensions(instrument, chosen)
    areas = score_areas(instrument, chosen)
    functions = score_functions(instrument, chosen)
    step = overall_step(areas)
    adopter = adopter_category(instrument, chosen)
    complete, review = completeness(instrument, assessment)
    orphans = tuple(qid for qid in assessment.answers if instrument.question(qid) is None)
    return Result(
        dimensions=dimensions,
        areas=areas,
        functions=functions,
        overall_step=step,
        adopter=adopter,
        implications=implications(instrument, dimensions, step, adopter),
        suggestions=suggest(instrument, areas, functions),
        completeness=complete,
        needs_review=review,
        orphans=orphans,
    )
