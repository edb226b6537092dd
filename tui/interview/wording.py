"""What both interview modes say, in plain words read top to bottom."""

from __future__ import annotations

import os
from pathlib import Path

from surveys.model.answers import AnswerState, resolve
from surveys.model.instrument import Instrument, Question
from surveys.model.responses import Assessment
from surveys.results.report import report_lines
from surveys.results.scoring import score
from surveys.shell_words import command_for, invoked_as, shell_in_use
from tui.interview.flow import Progress, Walk


def opening_lines(walk: Walk, path: Path) -> list[str]:
    """Who is assessed, the file, and (unless all is answered) how many questions are left and where it starts."""
    assessment = walk.assessment
    lines = [
        f"stick interview: {assessment.organisation}, answered by {assessment.respondent}",
        f"File: {path}",
    ]
    if not walk.finished:
        lines.append(
            f"{walk.open_count} of {len(walk.questions)} questions to answer; starting at question {walk.index + 1}."
        )
    return lines


def progress_line(progress: Progress) -> str:
    return f"Question {progress.number} of {progress.total} - {progress.topic}"


def option_lines(question: Question) -> list[str]:
    lines = [f"{n}. {option.label}" for n, option in enumerate(question.options, start=1)]
    return [*lines, "d. Don't know"]


def current_answer(question: Question, assessment: Assessment) -> list[str]:
    """The answer and note already in the file, so going back shows what is kept."""
    answer = assessment.answer(question.id)
    if answer is None:
        return []
    state = resolve(question, answer)
    lines = []
    if state is AnswerState.ANSWERED:
        given = answer.text if question.kind == "text" else f"{answer.choice}. {answer.label}"
        lines.append(f"Current answer: {given}")
    elif state is AnswerState.DONT_KNOW:
        lines.append("Current answer: don't know")
    elif state is AnswerState.NEEDS_REVIEW:
        given = answer.text or f"{answer.choice}. {answer.label}"
        lines.append(f"Earlier answer, to look at again (the question has changed): {given}")
    if answer.note:
        lines.append(f"Note: {answer.note}")
    return lines


def command_line(path: Path, plain: bool) -> str:
    """The command that carries on with this file, quoted for the shell in use."""
    words = [*invoked_as(), "interview", str(path), *(["--plain"] if plain else [])]
    return command_for(words, shell_in_use(os.name, os.environ))


def resume_lines(path: Path, plain: bool) -> list[str]:
    return [f"Saved to {path}.", f"To carry on, run: {command_line(path, plain)}"]


def result_lines(instrument: Instrument, assessment: Assessment) -> list[str]:
    """What the interview says when the questions are done: how complete, then the result."""
    result = score(instrument, assessment)
    left = result.completeness.unanswered + result.completeness.needs_review
    if left:
        head = f"{left} question{'s are' if left != 1 else ' is'} still unanswered: run the interview again to answer."
    else:
        head = "Every question has an answer."
    return ["", "Result", head, "", *report_lines(instrument, assessment, result)]
