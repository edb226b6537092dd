"""The question walk shared by both interview modes, without any input or output."""

from __future__ import annotations

from dataclasses import replace

import pytest

from surveys.editing.session import EditingSession
from surveys.model.answers import choose, dont_know
from surveys.model.responses import Answer, Assessment, new_assessment, with_answer
from tests.interview_helpers import IDS, INSTRUMENT
from tui.interview.flow import Command, Walk


def assessment_with(*answers: Answer) -> Assessment:
    assessment = new_assessment("Org", "Ann", "", INSTRUMENT.id, INSTRUMENT.version)
    for answer in answers:
        assessment = with_answer(assessment, answer)
    return assessment


def walk_over(assessment: Assessment) -> tuple[Walk, list[Assessment]]:
    saved: list[Assessment] = []
    return Walk(EditingSession(INSTRUMENT, assessment, saved.append)), saved


def q(index: int):  # type: ignore[no-untyped-def]
    return INSTRUMENT.questions[index]


def test_starts_at_the_first_unanswered_and_counts_dont_know_as_given() -> None:
    walk, _ = walk_over(assessment_with(choose(q(0), 1), dont_know(q(1))))
    assert walk.index == 2
    assert walk.progress.number == 3 and walk.progress.total == len(IDS)
    assert walk.progress.topic == "Organisational maturity"


def test_an_answer_needing_review_is_asked_again() -> None:
    stale = replace(choose(q(0), 1), label="an older wording")
    walk, _ = walk_over(assessment_with(stale, choose(q(1), 1)))
    assert walk.index == 0


def test_everything_answered_starts_finished() -> None:
    walk, _ = walk_over(assessment_with(*(dont_know(question) for question in INSTRUMENT.questions)))
    assert walk.finished
    with pytest.raises(IndexError):
        _ = walk.question
    walk.back_from_end()
    assert walk.question.id == IDS[-1]
    walk.apply(Command("skip"))
    assert walk.finished


def test_saves_only_what_changes() -> None:
    walk, saved = walk_over(assessment_with())
    walk.apply(Command("skip"))
    walk.apply(Command("back"))
    assert saved == []
    walk.apply(Command("choose", number=2, note="why"))
    assert len(saved) == 1 and saved[-1].answers[IDS[0]].note == "why"
    walk.apply(Command("back"))
    walk.apply(Command("choose", number=2))  # the same answer again: nothing to save
    walk.apply(Command("back"))
    walk.apply(Command("skip", note="why"))  # the same note again: nothing to save
    assert len(saved) == 1
    walk.apply(Command("back", note="on question 2"))  # a note with b stays where it was typed
    assert saved[-1].answers[IDS[1]].note == "on question 2" and walk.index == 0


def test_forward_goes_back_over_visited_questions_then_passes_over_answered_ones() -> None:
    walk, _ = walk_over(assessment_with(choose(q(2), 1), choose(q(3), 1)))
    walk.apply(Command("choose", number=1))  # question 1 -> 2
    walk.apply(Command("choose", number=1))  # question 2 -> 5 (3 and 4 answered before)
    assert walk.index == 4
    assert walk.apply(Command("back"))
    assert walk.index == 3  # back is one question in order, answered or not
    walk.apply(Command("skip"))
    assert walk.index == 4
    for _ in range(4):
        walk.apply(Command("back"))
    assert walk.index == 0 and not walk.apply(Command("back"))
    walk.apply(Command("skip"))
    assert walk.index == 1  # up to the furthest reached, every question again


def test_an_empty_text_is_refused() -> None:
    walk, _ = walk_over(assessment_with(*(dont_know(question) for question in INSTRUMENT.questions[:-1])))
    assert walk.question.kind == "text"
    with pytest.raises(ValueError):
        walk.apply(Command("write", text="  "))
