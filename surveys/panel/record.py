"""What the agreed file records, read from and written into an ordinary response file.

The agreed assessment is a response file like any other: its answers are the
agreed ratings, so scoring, the plan and the exports read it as they read one
person's. What the panel adds is kept in keys the rest of stick carries over
untouched (docs/instrument-format.md, "The agreed file of a panel"):

- `[[panel.raters]]`: each rater's file, name and group;
- in each agreed answer: `proposed` (the median option when it was agreed),
  `reason`, `discuss`, and `[[answers.ID.ratings]]`, each rater's answer as it
  was then, so a rater's file changing later shows as a later change;
- `[[panel.history]]`: every change of an agreed rating, with its time and reason.

Functions here are pure: they build the new `Assessment`; the panel session
saves it through the editing session.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, NamedTuple

from surveys.model.panel_mark import PANEL_KEY
from surveys.model.responses import Answer, Assessment
from surveys.panel.spread import Rating, Spread

# A rater's note copied into the record is kept to this many characters: the whole note stays in their file,
# and ten raters' long notes on every question must not swell the agreed file past what can be read back.
NOTE_KEPT = 1000
CUT = " [cut here: the whole note is in the rater's file]"
_ANSWER_PANEL_KEYS = ("proposed", "reason", "discuss", "ratings")


class RecordedRater(NamedTuple):
    file: str
    respondent: str
    group: str


class Agreed(NamedTuple):
    question_id: str
    choice: int
    label: str
    text: str
    proposed: int | None
    reason: str
    discuss: bool
    ratings: tuple[Rating, ...]  # the spread as it was when agreed
    at: datetime | None


class Change(NamedTuple):
    at: datetime | None
    question_id: str
    choice: int  # 0: withdrawn, or a text question
    label: str
    text: str
    proposed: int | None
    reason: str
    was_choice: int
    was_label: str


def _table(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _rows(value: object) -> list[Mapping[str, Any]]:
    return [row for row in value if isinstance(row, Mapping)] if isinstance(value, list) else []


def _text(row: Mapping[str, Any], key: str) -> str:
    value = row.get(key, "")
    return value if isinstance(value, str) else ""


def _int(row: Mapping[str, Any], key: str) -> int:
    value = row.get(key, 0)
    return value if type(value) is int and value >= 0 else 0


def panel_table(assessment: Assessment) -> Mapping[str, Any]:
    return _table(assessment.extra.get(PANEL_KEY))


def recorded_raters(assessment: Assessment) -> tuple[RecordedRater, ...]:
    return tuple(
        RecordedRater(_text(r, "file"), _text(r, "respondent"), _text(r, "group"))
        for r in _rows(panel_table(assessment).get("raters"))
    )


def _rating(row: Mapping[str, Any], groups: Mapping[str, RecordedRater]) -> Rating:
    file = _text(row, "file")
    known = groups.get(file)
    return Rating(
        rater=file,
        respondent=known.respondent if known else "",
        group=known.group if known else "",
        choice=_int(row, "choice"),
        label=_text(row, "label"),
        dont_know=row.get("dont_know") is True,
        text=_text(row, "text"),
        note=_text(row, "note"),
    )


def agreed_of(assessment: Assessment, question_id: str) -> Agreed | None:
    """The agreed rating of a question, or None while none is agreed."""
    answer = assessment.answer(question_id)
    if answer is None or not (answer.choice or answer.text):
        return None
    extra = answer.extra
    proposed = extra.get("proposed")
    raters = {r.file: r for r in recorded_raters(assessment)}
    return Agreed(
        question_id,
        answer.choice,
        answer.label,
        answer.text,
        proposed if type(proposed) is int and proposed > 0 else None,
        _text(extra, "reason"),
        extra.get("discuss") is True,
        tuple(_rating(row, raters) for row in _rows(extra.get("ratings"))),
        answer.at,
    )


def history_of(assessment: Assessment) -> tuple[Change, ...]:
    """Every change of an agreed rating, oldest first, as the file keeps them."""
    out = []
    for row in _rows(panel_table(assessment).get("history")):
        at = row.get("at")
        proposed = row.get("proposed")
        out.append(
            Change(
                at if isinstance(at, datetime) else None,
                _text(row, "question"),
                _int(row, "choice"),
                _text(row, "label"),
                _text(row, "text"),
                proposed if type(proposed) is int and proposed > 0 else None,
                _text(row, "reason"),
                _int(row, "was"),
                _text(row, "was_label"),
            )
        )
    return tuple(out)


def outside_the_trail(assessment: Assessment, question_id: str) -> bool:
    """Whether the answer now differs from the last change the trail keeps for it (changed in the app's
    question screen or by hand, not through the panel): the report says so rather than vouch for it."""
    last = next((c for c in reversed(history_of(assessment)) if c.question_id == question_id), None)
    answer = assessment.answer(question_id)
    now = (answer.choice, answer.text) if answer is not None and (answer.choice or answer.text) else (0, "")
    return now != ((last.choice, last.text) if last is not None else (0, ""))


def _kept_note(note: str) -> str:
    return note if len(note) <= NOTE_KEPT else note[:NOTE_KEPT] + CUT


def _rating_row(rating: Rating) -> dict[str, Any]:
    row: dict[str, Any] = {"file": rating.rater}
    if rating.choice:
        row["choice"] = rating.choice
        row["label"] = rating.label
    if rating.dont_know:
        row["dont_know"] = True
    if rating.text:
        row["text"] = rating.text
    if rating.note:
        row["note"] = _kept_note(rating.note)
    return row


def _rater_rows(raters: Iterable[RecordedRater], old: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The raters now, after those recorded before (a rater who left stays named: earlier ratings name them)."""
    rows = {_text(r, "file"): dict(r) for r in old}
    for rater in raters:
        row = rows.get(rater.file, {})
        row.update({"file": rater.file, "respondent": rater.respondent, "group": rater.group})
        rows[rater.file] = row
    return list(rows.values())


def with_agreed(
    assessment: Assessment,
    answer: Answer,
    spread: Spread,
    reason: str,
    raters: Iterable[RecordedRater],
    stamp: datetime,
) -> Assessment:
    """`assessment` with `answer` as the agreed one, the spread as it is now, and the change in the trail."""
    old = assessment.answer(answer.question)
    extra: dict[str, Any] = {k: v for k, v in (old.extra if old else {}).items() if k not in _ANSWER_PANEL_KEYS}
    if spread.proposed is not None:
        extra["proposed"] = spread.proposed
    if reason:
        extra["reason"] = reason
    if spread.discuss:
        extra["discuss"] = True
    extra["ratings"] = [_rating_row(r) for r in spread.ratings]
    new = replace(answer, note=old.note if old else answer.note, at=stamp, extra=extra)
    change: dict[str, Any] = {"at": stamp, "question": answer.question}
    if answer.choice:
        change.update(choice=answer.choice, label=answer.label)
    if answer.text:
        change["text"] = answer.text
    if spread.proposed is not None:
        change["proposed"] = spread.proposed
    if reason:
        change["reason"] = reason
    if old is not None and old.choice:
        change.update(was=old.choice, was_label=old.label)
    return _with(assessment, new, change, raters, stamp)


def without_agreed(assessment: Assessment, question_id: str, reason: str, stamp: datetime) -> Assessment:
    """The agreed rating withdrawn (its note kept), and the withdrawal in the trail."""
    old = assessment.answer(question_id)
    if old is None:
        return assessment
    change: dict[str, Any] = {"at": stamp, "question": question_id, "withdrawn": True}
    if reason:
        change["reason"] = reason
    if old.choice:
        change.update(was=old.choice, was_label=old.label)
    kept = Answer(question=question_id, note=old.note, at=stamp)
    return _with(assessment, kept, change, (), stamp)


def _with(
    assessment: Assessment,
    answer: Answer,
    change: dict[str, Any],
    raters: Iterable[RecordedRater],
    stamp: datetime,
) -> Assessment:
    panel = dict(panel_table(assessment))
    panel["raters"] = _rater_rows(raters, _rows(panel.get("raters")))
    panel["history"] = [*(dict(r) for r in _rows(panel.get("history"))), change]
    answers = dict(assessment.answers)
    if answer.given or answer.note:
        answers[answer.question] = answer
    else:
        answers.pop(answer.question, None)
    extra = {**assessment.extra, PANEL_KEY: panel}
    return replace(assessment, answers=answers, extra=extra, updated=stamp)


def with_raters(assessment: Assessment, raters: Iterable[RecordedRater]) -> Assessment:
    """The panel table naming these raters (a new agreed file starts so)."""
    panel = dict(panel_table(assessment))
    panel["raters"] = _rater_rows(raters, _rows(panel.get("raters")))
    panel.setdefault("history", [])
    return replace(assessment, extra={**assessment.extra, PANEL_KEY: panel})
