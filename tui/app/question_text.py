"""What the question screen says, as text: the heading and the progress lines.

Kept apart from the screen so the wording is in one place and the screen
module is about keys, focus and saving.
"""

from __future__ import annotations

from textual.content import Content

from surveys.answers import AnswerState
from surveys.model import Question
from surveys.scoring import Completeness
from surveys.terminal_text import terminal_safe

STATE_TEXT = {
    AnswerState.ANSWERED: "answered",
    AnswerState.DONT_KNOW: "don't know",
    AnswerState.UNANSWERED: "not answered yet",
    AnswerState.NEEDS_REVIEW: "needs answering again (the instrument changed)",
}


def heading(section_title: str, intro: str, place: str, question: Question) -> Content:
    """The section, its introduction, where this question is, and the question itself."""

    def shown(text: str) -> str:
        return terminal_safe(text, keep="\n")

    return Content.assemble(
        (shown(section_title), "bold"),
        "\n",
        (shown(intro), "$text-muted"),
        "\n\n",
        place,
        "\n",
        (shown(question.text), "bold"),
        *(("\n", (shown(question.help), "italic")) if question.help else ()),
    )


def progress_lines(c: Completeness, note: str, read_only_notice: str, text_question: bool) -> list[str]:
    """The note (when it is not open for editing), the counts, and how to leave a text field."""
    lines = [f"Note: {terminal_safe(note)}"] if note else []
    if read_only_notice:
        return [*lines, f"Answered {c.answered} of {c.total}", read_only_notice]
    lines.append(
        f"Answered {c.answered} of {c.total} · {c.dont_know} don't know · {c.unanswered} empty"
        + (f" · {c.needs_review} to answer again" if c.needs_review else "")
    )
    if text_question:
        lines.append("enter saves and moves on · esc leaves the field (then d, ←/→, ?)")
    return lines
