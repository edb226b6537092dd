"""Scores and completeness kept up to date answer by answer, so an answer costs what it touches.

`scoring.score` walks every question once for each dimension, area and business
function, and the completeness counts walk them all again: on an instrument of
3,300 questions that was about 25 ms of every answer. A tally indexes the
instrument once, keeps each question's state, and after a change takes afresh
only the dimension, area and function of the question that changed; what follows
from those parts (the overall figure, band, groups, suggestions, implications)
is a few values and is taken whole. Each part comes from the same function a
full scoring uses, over the same questions in the same order, so the result is
equal to `score(...)`, float for float (tests/test_tally.py holds it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from surveys.model.answers import AnswerState, resolve
from surveys.model.instrument import Instrument, Question, is_scored
from surveys.model.responses import Assessment
from surveys.results.scoring import (
    Completeness,
    Result,
    adopter_of,
    adopter_question,
    area_result,
    dimension_result,
    function_result,
    orphans,
    result_of,
)


class InstrumentIndex:
    """Which dimension, area and function each question counts towards, found once per instrument."""

    def __init__(self, instrument: Instrument) -> None:
        self.instrument = instrument
        questions = instrument.questions
        self.position = {q.id: i for i, q in enumerate(questions)}
        # One pass over the questions, each bucket in question order, as scoring's own selections are.
        profile: dict[str, list[Question]] = {}
        area: dict[str, list[Question]] = {}
        function: dict[str, list[Question]] = {}
        named: dict[str, dict[str, None]] = {}
        for q in questions:
            if q.kind == "profile":
                profile.setdefault(q.dimension, []).append(q)
            if is_scored(q):
                area.setdefault(q.area, []).append(q)
                function.setdefault(q.function, []).append(q)
            if q.area and q.function:
                named.setdefault(q.area, {})[q.function] = None
        self.dimension_questions = [profile.get(d.id, []) for d in instrument.dimensions]
        self.area_questions = [area.get(a.id, []) for a in instrument.areas]
        self.function_questions = [function.get(f.id, []) for f in instrument.functions]
        self.dimensions_of = _owners(self.dimension_questions)
        self.areas_of = _owners(self.area_questions)
        self.functions_of = _owners(self.function_questions)
        self.adopter = adopter_question(instrument)
        self._named = {area_id: tuple(functions) for area_id, functions in named.items()}

    def named_functions(self, area_id: str) -> tuple[str, ...]:
        return self._named.get(area_id, ())


def _owners(groups: list[list[Question]]) -> dict[str, list[int]]:
    """Question id -> the groups (by position) it belongs to."""
    owners: dict[str, list[int]] = {}
    for n, members in enumerate(groups):
        for q in members:
            owners.setdefault(q.id, []).append(n)
    return owners


class Tally:
    """One assessment's result, updated from the questions whose answers changed."""

    def __init__(self, index: InstrumentIndex, assessment: Assessment) -> None:
        self.index = index
        instrument = index.instrument
        self._assessment = assessment
        self._states = {q.id: resolve(q, assessment.answer(q.id)) for q in instrument.questions}
        self._counts = Counter(self._states.values())
        self._review = {qid for qid, s in self._states.items() if s is AnswerState.NEEDS_REVIEW}
        self._chosen: dict[str, int] = {}
        for q in instrument.questions:
            self._note_choice(q)
        self._dimensions = [
            dimension_result(d, asked, self._chosen)
            for d, asked in zip(instrument.dimensions, index.dimension_questions, strict=True)
        ]
        self._areas = [
            area_result(instrument, a.id, asked, self._chosen)
            for a, asked in zip(instrument.areas, index.area_questions, strict=True)
        ]
        self._functions = [
            function_result(instrument, f.id, asked, self._chosen)
            for f, asked in zip(instrument.functions, index.function_questions, strict=True)
        ]
        self._orphans = orphans(instrument, assessment)
        self._result: Result | None = None

    def state(self, question_id: str) -> AnswerState:
        """The state of a question of the instrument (KeyError for any other id)."""
        return self._states[question_id]

    @property
    def counted(self) -> tuple[Completeness, tuple[str, ...]]:
        """What `scoring.completeness` gives: the counts, and the questions to answer again in order."""
        counts = self._counts
        review = tuple(sorted(self._review, key=self.index.position.__getitem__))
        complete = Completeness(
            total=len(self._states),
            answered=counts[AnswerState.ANSWERED],
            dont_know=counts[AnswerState.DONT_KNOW],
            unanswered=counts[AnswerState.UNANSWERED],
            needs_review=len(review),
        )
        return complete, review

    @property
    def result(self) -> Result:
        if self._result is None:
            index = self.index
            self._result = result_of(
                index.instrument,
                tuple(self._dimensions),
                tuple(self._areas),
                tuple(self._functions),
                adopter_of(index.adopter, self._chosen),
                self.counted,
                self._orphans,
                index.named_functions,
            )
        return self._result

    def update(self, assessment: Assessment, changed: Iterable[str]) -> None:
        """Go on to `assessment`, which differs from the last one only in the answers to `changed`."""
        index = self.index
        instrument = index.instrument
        self._assessment = assessment
        self._result = None
        dimensions: set[int] = set()
        areas: set[int] = set()
        functions: set[int] = set()
        for qid in changed:
            question = instrument.question(qid)
            if question is None:
                self._orphans = orphans(instrument, assessment)
                continue
            old = self._states[qid]
            new = resolve(question, assessment.answer(qid))
            self._states[qid] = new
            self._counts[old] -= 1
            self._counts[new] += 1
            self._review.discard(qid)
            if new is AnswerState.NEEDS_REVIEW:
                self._review.add(qid)
            self._note_choice(question)
            dimensions.update(index.dimensions_of.get(qid, ()))
            areas.update(index.areas_of.get(qid, ()))
            functions.update(index.functions_of.get(qid, ()))
        for n in dimensions:
            self._dimensions[n] = dimension_result(instrument.dimensions[n], index.dimension_questions[n], self._chosen)
        for n in areas:
            self._areas[n] = area_result(instrument, instrument.areas[n].id, index.area_questions[n], self._chosen)
        for n in functions:
            function = instrument.functions[n]
            self._functions[n] = function_result(instrument, function.id, index.function_questions[n], self._chosen)

    def _note_choice(self, question: Question) -> None:
        # The same rule as scoring's _chosen: an answer that counts, with an option picked.
        answer = self._assessment.answer(question.id)
        if self._states[question.id] is AnswerState.ANSWERED and answer is not None and answer.choice:
            self._chosen[question.id] = answer.choice
        else:
            self._chosen.pop(question.id, None)
