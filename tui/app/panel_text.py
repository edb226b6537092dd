"""What the panel screen says about one question, as text: the options with their spread, and the lines under them.

Kept apart from the screen, and from Textual but for `Content`, so the wording
is in one place and is tested without an app. Every figure comes from the
engine (surveys.panel): this module only words it.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content

from surveys.model.instrument import Question
from surveys.panel.session import PanelSummary, QuestionState
from surveys.panel.spread import Rating, Spread
from surveys.panel.words import agreed_words, proposal_words
from surveys.terminal_text import terminal_safe

BAR = "█"
BAR_CELLS = 8  # the longest bar: one option's count among many raters still fits at 80 columns
STATUS_WORDS = {"agreed": "agreed", "proposed": "proposed, not yet agreed", "open": "no rating yet"}
# The same marks in the jump list, readable without colour.
STATUS_MARK = {"agreed": "[x]", "proposed": "[~]", "open": "[ ]"}
DISCUSS_MARK = "!"
NOTE_PREVIEW = 300


def _safe(text: str) -> str:
    return terminal_safe(text)


def _bar(count: int, most: int) -> str:
    if count <= 0 or most <= 0:
        return ""
    return BAR * max(1, round(count * min(BAR_CELLS, most) / most))


def option_labels(spread: Spread, agreed_choice: int) -> tuple[str, ...]:
    """Each option with how many chose it (a bar, the count, the count by group) and which is proposed.

    The agreed option is marked by the pane itself (`[x]`); `agreed_choice` only
    keeps "proposed" off the option already agreed, where it would say nothing new.
    """
    most = max(spread.counts, default=0)
    several = len(spread.by_group) > 1
    labels = []
    for n, (label, count) in enumerate(zip(spread.labels, spread.counts, strict=True), start=1):
        words = f"{_safe(label)}  {_bar(count, most)} {count}".rstrip()
        if several and count:
            groups = ", ".join(f"{_safe(group)} {counts[n - 1]}" for group, counts in spread.by_group if counts[n - 1])
            words += f" ({groups})"
        if spread.proposed == n and agreed_choice != n:
            words += " ← proposed"
        labels.append(words)
    return tuple(labels)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def spread_line(spread: Spread) -> str:
    """The spread in one sentence: how many chose, the lowest, highest and median, who did not choose."""
    chose = sum(spread.counts)
    parts = [f"{chose} chose an option"]
    if spread.lowest is not None and spread.highest is not None:
        parts.append(f"lowest {_option(spread, spread.lowest)}, highest {_option(spread, spread.highest)}")
    if spread.median is not None:
        parts.append(f"median {_number(spread.median)}")
    if spread.dont_know:
        parts.append(f"{len(spread.dont_know)} don't know")
    if spread.unanswered:
        parts.append(f"{len(spread.unanswered)} not answered")
    return "Spread: " + ", ".join(parts)


def _option(spread: Spread, choice: int) -> str:
    label = spread.labels[choice - 1] if 0 < choice <= len(spread.labels) else ""
    return f"{choice} {_safe(label)}".rstrip()


def agreed_lines(state: QuestionState, question: Question, names: Mapping[str, str] | None = None) -> list[str]:
    """Where the agreed rating stands, in the engine's words: agreed (with its reason), proposed, or open.

    `names` gives a rater's name for their key, for the raters whose answer changed since it was agreed.
    """
    spread, agreed = state.spread, state.agreed
    lines = []
    if agreed is not None:
        lines.append(_safe(agreed_words(question, agreed)))
    elif question.kind == "text":
        lines.append("Not agreed yet: enter or t types the agreed words.")
    elif spread.proposed is not None:
        lines.append(_safe(proposal_words(question, spread)) + " enter accepts it; another number, with a reason.")
    else:
        lines.append(_safe(proposal_words(question, spread)) + " A number agrees a rating, with a reason.")
    if spread.discuss:
        lines.append("For discussion: the raters differ by two or more options.")
    if state.changed:
        who = ", ".join(_safe((names or {}).get(key) or key) for key in state.changed)
        lines.append(f"Changed since it was agreed: {who} (the file keeps the spread it was agreed on).")
    return lines


def rating_words(rating: Rating, spread: Spread) -> str:
    if rating.dont_know:
        return "don't know"
    if rating.choice:
        return _option(spread, rating.choice)
    if rating.text:
        return preview(_safe(rating.text))
    return "not answered"


def rater_lines(spread: Spread) -> list[str]:
    """Every rater's rating and note, one paragraph each, in the raters' order."""
    lines = []
    for rating in spread.ratings:
        who = _safe(rating.respondent) or _safe(rating.rater)
        line = f"  {who} ({_safe(rating.group)}): {rating_words(rating, spread)}"
        if rating.note:
            line += f". {preview(_safe(rating.note))}"
        lines.append(line)
    return ["Raters:", *lines] if lines else ["No rater has answered this yet."]


def summary_line(summary: PanelSummary, total: int) -> str:
    parts = [f"Agreed {summary.agreed} of {total}", f"{summary.proposed} proposed", f"{summary.open} open"]
    if summary.discuss:
        parts.append(f"{summary.discuss} for discussion")
    # Its name only: the facilitator knows the folder, and a share's full path would fill the line.
    parts.append(f"saved in {_safe(summary.path.name)}")
    return " · ".join(parts)


def place_text(index: int, total: int, state: QuestionState) -> str:
    words = f"Question {index + 1} of {total}: {STATUS_WORDS.get(state.status, state.status)}"
    return words + (", for discussion" if state.spread.discuss else "")


def heading(section_title: str, place: str, question: Question) -> Content:
    """The section, where this question is and what state it is in, and the question itself."""
    return Content.assemble(
        (terminal_safe(section_title, keep="\n"), "bold"),
        "\n",
        place,
        "\n",
        (terminal_safe(question.text, keep="\n"), "bold"),
    )


def preview(text: str) -> str:
    return text if len(text) <= NOTE_PREVIEW else text[:NOTE_PREVIEW] + "…"
