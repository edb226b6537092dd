"""What the question screen says, as text: the heading and the progress lines.

Kept apart from the screen so the wording is in one place and the screen
module is about keys, focus and saving.
"""

from __future__ import annotations

from textual.content import Content

from surveys.model.answers import AnswerState
from surveys.model.instrument import Question
from surveys.results.scoring import Completeness
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


# A note is shown as its start: the screen need not lay out a whole long note to show the question.
NOTE_PREVIEW = 300


def progress_lines(
    c: Completeness, note: str, read_only_notice: str, text_answer: str | None, editing: bool
) -> list[str]:
    """The note and a text question's answer (when not open for editing), the counts, and the keys for fields.

    `text_answer` is None on a question that is not a text question.
    """
    lines = [f"Note: {preview(terminal_safe(note))}"] if note else []
    if text_answer:
        lines.append(f"Answer: {preview(terminal_safe(text_answer))}")
    if read_only_notice:
        return [*lines, f"Answered {c.answered} of {c.total}", read_only_notice]
    lines.append(
        f"Answered {c.answered} of {c.total} · {c.dont_know} don't know · {c.unanswered} empty"
        + (f" · {c.needs_review} to answer again" if c.needs_review else "")
    )
    if editing:
        lines.append("enter keeps it" + (" and moves on" if text_answer is not None else "") + " · esc keeps it")
    elif text_answer is not None:
        lines.append("enter or t types the answer")
    return lines


def preview(text: str) -> str:
    return text if len(text) <= NOTE_PREVIEW else text[:NOTE_PREVIEW] + "…"
