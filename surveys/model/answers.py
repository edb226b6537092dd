"""What an answer means against the instrument in hand, and making answers.

Both front ends build answers here, so an answer from the app and one from the
interview are the same value in the file.
"""

from __future__ import annotations

from enum import Enum

from surveys.model.instrument import Question
from surveys.model.limits import cap_note
from surveys.model.responses import Answer


class AnswerState(Enum):
    UNANSWERED = "unanswered"
    ANSWERED = "answered"
    DONT_KNOW = "don't know"
    # Given against another version of the instrument and no longer matching it:
    # kept in the file, left out of scores until answered again.
    NEEDS_REVIEW = "needs review"


def resolve(question: Question, answer: Answer | None) -> AnswerState:
    if answer is None or not answer.given:
        return AnswerState.UNANSWERED
    if answer.dont_know:
        return AnswerState.DONT_KNOW
    if question.kind == "text":
        return AnswerState.ANSWERED if answer.text and not answer.choice else AnswerState.NEEDS_REVIEW
    if answer.text or not 1 <= answer.choice <= len(question.options):
        return AnswerState.NEEDS_REVIEW
    if question.options[answer.choice - 1].label != answer.label:
        return AnswerState.NEEDS_REVIEW
    return AnswerState.ANSWERED


def choose(question: Question, number: int, note: str = "") -> Answer:
    """The answer picking option `number` (1-based); ValueError if there is none."""
    if question.kind == "text" or not 1 <= number <= len(question.options):
        raise ValueError(f"question {question.id!r} has no option {number}")
    return Answer(question=question.id, choice=number, label=question.options[number - 1].label, note=cap_note(note)[0])


def dont_know(question: Question, note: str = "") -> Answer:
    return Answer(question=question.id, dont_know=True, note=cap_note(note)[0])


def written(question: Question, text: str, note: str = "") -> Answer:
    """The answer to a text question; an empty text is no answer."""
    if question.kind != "text":
        raise ValueError(f"question {question.id!r} is not a text question")
    return Answer(question=question.id, text=text, note=cap_note(note)[0])
