"""Scoring: pure functions from an instrument and an assessment to a `Result`.

The rules are written out in docs/instrument-format.md ("Scoring"). The one
that matters most: a missing answer (unanswered, don't know, needing review)
is left out of every score, never counted as low.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from surveys.model import ranges
from surveys.model.answers import AnswerState, resolve
from surveys.model.instrument import Dimension, Instrument, Question, Rule, is_scored
from surveys.model.responses import Assessment
from surveys.model.vocabulary import heading, vocabulary

MAX_SUGGESTIONS = 5


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
    score: float | None  # the deck: the mean step, 1 to 4; format 2: the instrument's rule
    step: int | None  # the step reached: the score rounded down (none for a sum)
    answered: int
    total: int


class GroupResult(NamedTuple):
    """A group's subtotal (EDS 2022: a domain's total over its outcomes)."""

    group: str
    score: float | None
    answered: int  # areas scored
    total: int  # areas in the group
    complete: bool  # every scored question of the group answered: a sum is only whole then


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

    @property
    def open_count(self) -> int:
        """Questions still to answer: never answered, or answered against another version and to answer again."""
        return self.unanswered + self.needs_review

    @property
    def finished(self) -> bool:
        """Every question has an answer (a don't know is one) that fits the instrument as it is."""
        return self.open_count == 0


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
    # The overall figure by the instrument's rule (the deck: the median area score).
    overall: float | None = None
    # Every scored question answered: a sum is compared with its bands only then.
    overall_complete: bool = False
    band: str | None = None
    groups: tuple[GroupResult, ...] = ()


def _chosen(instrument: Instrument, assessment: Assessment) -> dict[str, int]:
    """Question id -> chosen option number, for answers that count."""
    out = {}
    for question in instrument.questions:
        answer = assessment.answer(question.id)
        if answer is not None and resolve(question, answer) is AnswerState.ANSWERED and answer.choice:
            out[question.id] = answer.choice
    return out


def score_dimensions(instrument: Instrument, chosen: Mapping[str, int]) -> tuple[DimensionResult, ...]:
    return tuple(
        dimension_result(d, [q for q in instrument.questions if q.kind == "profile" and q.dimension == d.id], chosen)
        for d in instrument.dimensions
    )


def dimension_result(dimension: Dimension, asked: Sequence[Question], chosen: Mapping[str, int]) -> DimensionResult:
    """How the answers to `asked` (the dimension's profile questions, in order) spread over its profiles."""
    picks = [q.options[chosen[q.id] - 1].profile for q in asked if q.id in chosen]
    fits = tuple((p.id, picks.count(p.id) / len(picks) if picks else 0.0) for p in dimension.profiles)
    best = max((fit for _, fit in fits), default=0.0)
    placement = tuple(pid for pid, fit in fits if picks and fit == best)
    return DimensionResult(dimension.id, fits, len(picks), len(asked), placement)


def _points(instrument: Instrument, questions: Sequence[Question], chosen: Mapping[str, int]) -> list[float]:
    return [instrument.points(q, chosen[q.id]) for q in questions if q.id in chosen]


def combine(rule: Rule, values: list[float]) -> float | None:
    return ranges.combine(rule, values) if values else None


def _reached(instrument: Instrument, rule: Rule, figure: float | None) -> int | None:
    """The step a figure reaches; a sum is off the scale, so it reaches none."""
    if figure is None or rule == "sum" or not instrument.steps:
        return None
    return instrument.reached(figure).value


def score_areas(instrument: Instrument, chosen: Mapping[str, int]) -> tuple[AreaResult, ...]:
    return tuple(
        area_result(instrument, a.id, [q for q in instrument.questions if is_scored(q) and q.area == a.id], chosen)
        for a in instrument.areas
    )


def area_result(
    instrument: Instrument, area_id: str, asked: Sequence[Question], chosen: Mapping[str, int]
) -> AreaResult:
    """An area's figure from `asked` (its scored questions, in order), by the instrument's rule."""
    rule = instrument.scoring.area
    points = _points(instrument, asked, chosen)
    figure = combine(rule, points)
    return AreaResult(area_id, figure, _reached(instrument, rule, figure), len(points), len(asked))


def score_functions(instrument: Instrument, chosen: Mapping[str, int]) -> tuple[FunctionResult, ...]:
    return tuple(
        function_result(
            instrument, f.id, [q for q in instrument.questions if is_scored(q) and q.function == f.id], chosen
        )
        for f in instrument.functions
    )


def function_result(
    instrument: Instrument, function_id: str, asked: Sequence[Question], chosen: Mapping[str, int]
) -> FunctionResult:
    points = _points(instrument, asked, chosen)
    return FunctionResult(function_id, combine("mean", points), len(points))


def score_groups(instrument: Instrument, areas: tuple[AreaResult, ...]) -> tuple[GroupResult, ...]:
    by_id = {a.area: a for a in areas}
    out = []
    for group in instrument.groups:
        members = [by_id[a] for a in group.areas]
        scores = [a.score for a in members if a.score is not None]
        complete = all(a.answered == a.total for a in members)
        out.append(
            GroupResult(group.id, combine(instrument.scoring.group, scores), len(scores), len(members), complete)
        )
    return tuple(out)


def overall_step(areas: tuple[AreaResult, ...]) -> int | None:
    """The median of the scored areas, rounded down: the deck's rule."""
    scores = [a.score for a in areas if a.score is not None]
    return math.floor(ranges.combine("median", scores)) if scores else None


def band_for(instrument: Instrument, figure: float | None, complete: bool) -> str | None:
    """The band the overall figure falls in, rounded down; a sum missing answers has none yet."""
    if figure is None or (instrument.scoring.overall == "sum" and not complete):
        return None
    whole = math.floor(figure + 1e-9)
    return next((b.id for b in instrument.bands if b.low <= whole <= b.high), None)


def adopter_category(instrument: Instrument, chosen: Mapping[str, int]) -> str | None:
    return adopter_of(adopter_question(instrument), chosen)


def adopter_of(question: Question | None, chosen: Mapping[str, int]) -> str | None:
    """The category the answer to the adopter question names, if it is answered."""
    if question is None or question.id not in chosen:
        return None
    return question.options[chosen[question.id] - 1].adopter or None


def adopter_question(instrument: Instrument) -> Question | None:
    """The question whose options name adopter categories (the first, if more do)."""
    return next(
        (q for q in instrument.questions if q.kind == "choice" and any(o.adopter for o in q.options)),
        None,
    )


def named_functions(instrument: Instrument, area_id: str) -> tuple[str, ...]:
    """The business functions the questions of an area name, each once, in question order."""
    return tuple(dict.fromkeys(q.function for q in instrument.questions if q.area == area_id and q.function))


def suggest(
    instrument: Instrument,
    areas: tuple[AreaResult, ...],
    functions: tuple[FunctionResult, ...],
    named: Callable[[str], Sequence[str]] | None = None,
) -> tuple[Suggestion, ...]:
    """The weakest areas below the top step, each with a function and its next transition.

    `named` gives an area's `named_functions` (a tally passes what it indexed once).
    """
    function_scores = {f.function: f.score for f in functions}
    weak = sorted(
        (a for a in areas if a.score is not None and a.step is not None and a.step < instrument.top),
        key=lambda a: a.score or 0.0,  # sorted() is stable: instrument order breaks ties
    )
    out = []
    for result in weak[:MAX_SUGGESTIONS]:
        assert result.score is not None and result.step is not None
        area = instrument.area(result.area)
        listed = named(area.id) if named is not None else named_functions(instrument, area.id)
        scored = [f for f in listed if function_scores.get(f) is not None]
        function = min(scored, key=lambda f: function_scores[f] or 0.0) if scored else area.function
        transition = instrument.step(result.step).transition
        out.append(Suggestion(area.id, function, result.score, result.step, transition))
    return tuple(out)


def implications(
    instrument: Instrument,
    dimensions: tuple[DimensionResult, ...],
    step: int | None,
    adopter: str | None,
    band: str | None = None,
) -> tuple[Implication, ...]:
    words = vocabulary(instrument)
    out: list[Implication] = []
    for result in dimensions:
        dimension = instrument.dimension(result.dimension)
        for pid in result.placement:
            profile = dimension.profile(pid)
            source = f"{dimension.label}: {profile.label}" + (" (tied)" if result.tie else "")
            out.extend(Implication(source, text) for text in profile.implications)
    if step is not None and instrument.step(step).meaning:
        reached = instrument.step(step)
        out.append(Implication(f"{heading(words.ladder)}: {reached.label}", reached.meaning))
    if adopter is not None:
        category = instrument.adopter(adopter)
        out.append(Implication(f"{heading(words.adopter)}: {category.label}", category.description))
    if band is not None and instrument.band(band).meaning:
        named = instrument.band(band)
        out.append(Implication(f"{heading(words.band)}: {named.label}", named.meaning))
    return tuple(out)


def completeness(instrument: Instrument, assessment: Assessment) -> tuple[Completeness, tuple[str, ...]]:
    states = {q.id: resolve(q, assessment.answer(q.id)) for q in instrument.questions}
    review = tuple(qid for qid, s in states.items() if s is AnswerState.NEEDS_REVIEW)
    return counted(list(states.values()), len(states)), review


def counted(states: list[AnswerState], total: int) -> Completeness:
    """The completeness of `total` questions, some in these states; those not among them have no answer."""
    answered = states.count(AnswerState.ANSWERED)
    dont_know = states.count(AnswerState.DONT_KNOW)
    needs_review = states.count(AnswerState.NEEDS_REVIEW)
    return Completeness(
        total=total,
        answered=answered,
        dont_know=dont_know,
        unanswered=total - answered - dont_know - needs_review,
        needs_review=needs_review,
    )


def overall_figure(instrument: Instrument, areas: tuple[AreaResult, ...]) -> tuple[float | None, int | None]:
    """The overall figure and the step it reaches; a format 1 file keeps the deck's median, rounded down."""
    if instrument.format == 1:
        step = overall_step(areas)
        return combine("median", [a.score for a in areas if a.score is not None]), step
    rule = instrument.scoring.overall
    figure = combine(rule, [a.score for a in areas if a.score is not None])
    return figure, _reached(instrument, rule, figure)


def orphans(instrument: Instrument, assessment: Assessment) -> tuple[str, ...]:
    """Answers to questions the instrument no longer has, in the file's order."""
    return tuple(qid for qid in assessment.answers if instrument.question(qid) is None)


def score(instrument: Instrument, assessment: Assessment) -> Result:
    chosen = _chosen(instrument, assessment)
    complete, review = completeness(instrument, assessment)
    return result_of(
        instrument,
        score_dimensions(instrument, chosen),
        score_areas(instrument, chosen),
        score_functions(instrument, chosen),
        adopter_category(instrument, chosen),
        (complete, review),
        orphans(instrument, assessment),
    )


def result_of(
    instrument: Instrument,
    dimensions: tuple[DimensionResult, ...],
    areas: tuple[AreaResult, ...],
    functions: tuple[FunctionResult, ...],
    adopter: str | None,
    counted: tuple[Completeness, tuple[str, ...]],
    orphaned: tuple[str, ...],
    named: Callable[[str], Sequence[str]] | None = None,
) -> Result:
    """The whole result from its parts: what follows from the dimensions, areas and functions is small."""
    figure, step = overall_figure(instrument, areas)
    whole = all(a.answered == a.total for a in areas) and any(a.total for a in areas)
    band = band_for(instrument, figure, whole)
    return Result(
        dimensions=dimensions,
        areas=areas,
        functions=functions,
        overall_step=step,
        adopter=adopter,
        implications=implications(instrument, dimensions, step, adopter, band),
        suggestions=suggest(instrument, areas, functions, named),
        completeness=counted[0],
        needs_review=counted[1],
        orphans=orphaned,
        overall=figure,
        overall_complete=whole,
        band=band,
        groups=score_groups(instrument, areas),
    )
