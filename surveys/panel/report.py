"""`stick report` of an agreed file: the panel's part, read from the file alone.

What the raters said is read from the spread recorded with each agreed rating,
never from their files: the report of an event stays the same when a rater's
file changes or is gone, and reads the same on a PC that has only the agreed
file. The band each group alone would have given is worked out the same way:
each question at the group's own proposal from the ratings recorded.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from surveys.model.answers import choose
from surveys.model.instrument import Instrument
from surveys.model.responses import Assessment
from surveys.panel.raters import NO_GROUP, group_key, ordered_groups
from surveys.panel.record import Agreed, agreed_of, history_of, outside_the_trail, recorded_raters
from surveys.panel.spread import Spread, scale_order
from surveys.panel.words import agreed_words, change_words, option_words, spread_lines
from surveys.results.report import overall_words
from surveys.results.scoring import Result, score


def _groups(assessment: Assessment) -> tuple[str, ...]:
    return ordered_groups(r.group or NO_GROUP for r in recorded_raters(assessment))


def recorded_spread(instrument: Instrument, assessment: Assessment, agreed: Agreed) -> Spread:
    question = instrument.question(agreed.question_id)
    if question is None or question.kind == "text":
        return Spread(agreed.question_id, (), agreed.ratings, _groups(assessment))
    labels = tuple(o.label for o in question.options)
    return Spread(agreed.question_id, labels, agreed.ratings, _groups(assessment), scale_order(instrument, question))


def group_result(instrument: Instrument, assessment: Assessment, group: str) -> Result:
    """What the group's raters alone would have given, question by question, from the ratings recorded."""
    answers = {}
    for question in instrument.questions:
        agreed = agreed_of(assessment, question.id)
        if agreed is None or question.kind == "text":
            continue
        proposed = recorded_spread(instrument, assessment, agreed).group_proposal(group)
        if proposed is not None:
            answers[question.id] = choose(question, proposed)
    return score(instrument, replace(assessment, answers=answers, priorities=()))


def raters_words(assessment: Assessment) -> str:
    raters = recorded_raters(assessment)
    groups = _groups(assessment)
    counts = [f"{g} {sum(1 for r in raters if group_key(r.group or NO_GROUP) == group_key(g))}" for g in groups]
    head = f"{len(raters)} rater" + ("" if len(raters) == 1 else "s")
    return f"{head}: {', '.join(counts)}" if counts else head


def panel_lines(instrument: Instrument, assessment: Assessment) -> list[str]:
    """The panel's part of the report: who rated, each question's spread and agreed rating, each group's result."""
    lines = ["", "The panel", f"  {raters_words(assessment)}."]
    for rater in recorded_raters(assessment):
        lines.append(f"    {rater.respondent or rater.file} ({rater.group or NO_GROUP}): {rater.file}")
    departures = []
    for question in instrument.questions:
        agreed = agreed_of(assessment, question.id)
        lines += ["", f"  {question.text}"]
        if agreed is None:
            lines.append("    Not agreed yet.")
            if outside_the_trail(assessment, question.id):
                lines.append("    Changed outside the panel: the trail records a rating the file no longer has.")
            continue
        lines.append(f"    {agreed_words(question, agreed)}")
        if outside_the_trail(assessment, question.id):
            lines.append("    Changed outside the panel: this rating is not the last one its trail records.")
        lines += [f"  {line}" for line in spread_lines(question, recorded_spread(instrument, assessment, agreed))]
        if agreed.proposed is not None and agreed.choice and agreed.choice != agreed.proposed:
            departures.append(
                f"  {question.id}: agreed {option_words(question, agreed.choice)}, the median gave "
                f"{option_words(question, agreed.proposed)}; reason: {agreed.reason or '(none recorded)'}"
            )
    lines += ["", "Where the agreed rating departs from the median"]
    lines += departures or ["  Nowhere: every agreed rating is the median."]
    groups = _groups(assessment)
    if instrument.areas and len(groups) > 0:
        lines += ["", "What each group alone would have given"]
        for group in groups:
            lines.append(f"  {group}: {overall_words(instrument, group_result(instrument, assessment, group))}.")
    return lines


def history_lines(instrument: Instrument, assessment: Assessment) -> list[str]:
    trail = history_of(assessment)
    lines = [f"Changes of the agreed ratings: {assessment.organisation} ({len(trail)})"]
    lines += [f"  {change_words(instrument.question(c.question_id), c)}" for c in trail] or ["  None yet."]
    return lines


def _rating_json(r: Any) -> dict[str, Any]:
    return {
        "file": r.rater,
        "respondent": r.respondent,
        "group": r.group or NO_GROUP,
        "choice": r.choice or None,
        "dont_know": r.dont_know,
        "text": r.text or None,
        "note": r.note,
    }


def panel_json(instrument: Instrument, assessment: Assessment) -> dict[str, Any]:
    questions = []
    for question in instrument.questions:
        agreed = agreed_of(assessment, question.id)
        entry: dict[str, Any] = {
            "id": question.id,
            "agreed": agreed is not None,
            "outside_the_trail": outside_the_trail(assessment, question.id),
        }
        if agreed is not None:
            spread = recorded_spread(instrument, assessment, agreed)
            entry.update(
                choice=agreed.choice or None,
                label=agreed.label or None,
                text=agreed.text or None,
                proposed=agreed.proposed,
                departs=bool(agreed.proposed is not None and agreed.choice and agreed.choice != agreed.proposed),
                reason=agreed.reason,
                discuss=agreed.discuss,
                at=agreed.at.isoformat() if agreed.at else None,
                counts=list(spread.counts),
                by_group={g: list(c) for g, c in spread.by_group},
                lowest=spread.lowest,
                highest=spread.highest,
                median=spread.median,
                ratings=[_rating_json(r) for r in agreed.ratings],
            )
        questions.append(entry)
    groups = {}
    for group in _groups(assessment):
        result = group_result(instrument, assessment, group)
        groups[group] = {
            "overall": result.overall,
            "band": result.band,
            "band_label": instrument.band(result.band).label if result.band else None,
            "words": overall_words(instrument, result),
        }
    return {
        "raters": [
            {"file": r.file, "respondent": r.respondent, "group": r.group or NO_GROUP}
            for r in recorded_raters(assessment)
        ],
        "questions": questions,
        "groups": groups,
        "history": history_json(assessment),
    }


def history_json(assessment: Assessment) -> list[dict[str, Any]]:
    return [
        {
            "at": c.at.isoformat() if c.at else None,
            "question": c.question_id,
            "choice": c.choice or None,
            "label": c.label or None,
            "text": c.text or None,
            "proposed": c.proposed,
            "reason": c.reason,
            "was": c.was_choice or None,
        }
        for c in history_of(assessment)
    ]
