"""What the question screen says, as text: the heading and the progress lines.

Kept apart from the screen so the wording is in one place and the screen
module is about keys, focus and saving.
"""

from __future__ import annotations

from textual.content import Content

from surveys.answers import AnswerState
from surveys.model import Question
from surveys.scoring import Completeness

STATE_TEXT = {
    AnswerState.ANSWERED: "answered",
    AnswerState.DONT_KNOW: "don't know",
    AnswerState.UNANSWERED: "not answered yet",
    AnswerState.NEEDS_REVIEW: "needs answering again (the instrument changed)",
}


def heading(section_title: str, intro: str, place: str, question: Question) -> Content:
    """The section, its introduction, where this question is, and the question itself."""
    return Content.assemble(
        (section_title, "bold"),
        "\n",
        (intro, "$text-muted"),
        "\n\n",
        place,
        "\n",
        (question.text, "bold"),
        *(("\n", (question.help, "italic")) if question.help else ()),
    )


def progress_lines(c: Completeness, note: str, read_only_notice: str, text_question: bool) -> list[str]:
    """The note (when it is not open for editing), the counts, and how to leave a text field."""
    lines = [f"Note: {note}"] if note else []
    if read_only_notice:
        return [*lines, f"Answered {c.answered} of {c.total}", read_only_notice]
    lines.append(
        f"Answered {c.answered} of {c.total} · {c.dont_know} don't know · {c.unanswered} empty"
        + (f" · {c.needs_review} to answer again" if c.needs_review else "")
    )
    if text_question:
        lines.append("enter saves and moves on · esc leaves the field (then d, ←/→, ?)")
    return lines
