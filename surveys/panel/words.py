"""A question's spread and its agreed rating in words, read top to bottom (plain mode, report, screen readers)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from surveys.model.instrument import Question
from surveys.panel.record import Agreed, Change
from surveys.panel.spread import Rating, Spread


def option_words(question: Question, choice: int) -> str:
    """'2 Developing activity'."""
    return f"{choice} {question.options[choice - 1].label}" if 1 <= choice <= len(question.options) else str(choice)


def _figure(value: float) -> str:
    return f"{value:g}"


def _who(ratings: Sequence[Rating]) -> str:
    return ", ".join(f"{r.respondent or r.rater} ({r.group})" for r in ratings)


def spread_lines(question: Question, spread: Spread) -> list[str]:
    """How many chose each option, by group; who said don't know or gave none; lowest, highest, median."""
    if question.kind == "text":
        lines = [f"  {r.respondent or r.rater} ({r.group}): {r.text}" for r in spread.ratings if r.text]
        return lines or ["  No rater has written an answer yet."]
    lines = [] if spread.in_order else ["  The options from the lowest on the scale to the highest:"]
    for n in spread.scale:
        count = spread.counts[n - 1]
        groups = [f"{g} {c[n - 1]}" for g, c in spread.by_group if c[n - 1]]
        said = "none" if not count else f"{count}" + (f" ({', '.join(groups)})" if groups else "")
        lines.append(f"  {n} {spread.labels[n - 1]}: {said}")
    if spread.dont_know:
        lines.append(f"  Don't know: {len(spread.dont_know)} ({_who(spread.dont_know)})")
    if spread.unanswered:
        lines.append(f"  No answer yet: {len(spread.unanswered)} ({_who(spread.unanswered)})")
    if spread.lowest is not None and spread.highest is not None:
        lines.append(
            f"  Lowest {option_words(question, spread.lowest)}; highest {option_words(question, spread.highest)}; "
            f"{median_words(question, spread)}."
        )
    if spread.discuss:
        apart = "options" if spread.in_order else "places on the scale"
        lines.append(f"  Marked for discussion: the raters differ by {spread.apart} {apart}.")
    return lines


def median_words(question: Question, spread: Spread) -> str:
    """'median 2.5' where the options are numbered along the scale; else the option(s) at the median."""
    median = spread.median
    if median is None:
        return "no median"
    if spread.in_order:
        return f"median {_figure(median)}"
    below = spread.scale[math.floor(median) - 1]
    if float(median).is_integer():
        return f"median {option_words(question, below)}"
    above = spread.scale[math.floor(median)]
    return f"median between {option_words(question, below)} and {option_words(question, above)}"


def note_lines(spread: Spread) -> list[str]:
    """Each rater's note, with whose it is."""
    return [f"  Note from {r.respondent or r.rater} ({r.group}): {r.note}" for r in spread.ratings if r.note.strip()]


def proposal_words(question: Question, spread: Spread) -> str:
    if spread.proposed is None:
        return "Nothing to propose: no rater chose an option."
    between = spread.median is not None and not float(spread.median).is_integer()
    how = "the median, rounded to the lower option" if between else "the median"
    return f"Proposed: {option_words(question, spread.proposed)} ({how})."


def agreed_words(question: Question, agreed: Agreed) -> str:
    given = agreed.text if question.kind == "text" else option_words(question, agreed.choice)
    departs = agreed.proposed is not None and agreed.choice != agreed.proposed and question.kind != "text"
    said = f"Agreed: {given}"
    if departs:
        assert agreed.proposed is not None
        said += f", not the proposed {option_words(question, agreed.proposed)}"
    elif question.kind != "text" and agreed.proposed is None:
        said += " (nothing was proposed)"
    if agreed.reason:
        said += f"; reason: {agreed.reason}"
    return said + "."


def change_words(question: Question | None, change: Change) -> str:
    """One line of the audit trail."""
    when = change.at.isoformat(sep=" ") if change.at is not None else "(no time)"

    def said(choice: int, label: str) -> str:
        return option_words(question, choice) if question is not None and question.options else f"{choice} {label}"

    if change.choice:
        what = f"agreed {said(change.choice, change.label)}"
    elif change.text:
        what = f"agreed the words: {change.text}"
    else:
        what = "withdrew the agreed rating"
    if change.was_choice:
        what += f" (was {said(change.was_choice, change.was_label)})"
    if change.proposed is not None and change.choice and change.choice != change.proposed:
        what += f"; proposed {change.proposed}"
    if change.reason:
        what += f"; reason: {change.reason}"
    return f"{when}  {change.question_id}: {what}"
