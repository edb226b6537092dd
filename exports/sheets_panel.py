"""The Panel sheet of an agreed file: per question, how the raters spread by group and what was agreed.

One row per question for all raters (the agreed rating, the median it was
proposed from, the reason where it departs, whether it was marked for
discussion), then one row per rater group with that group's counts. The
counts are those recorded when the rating was agreed (surveys.panel.report),
so the sheet shows the event as it was, whatever the raters' files say now.
"""

from __future__ import annotations

import math
from typing import Any

from exports.cells import COUNT, LABEL, TOP, WRAPPED, header_row, styled, text
from exports.layout import Rows, add_table, fit_words, prepare, unique_names
from surveys.model.instrument import Instrument, Question
from surveys.model.responses import Assessment
from surveys.panel.raters import group_key
from surveys.panel.record import agreed_of, recorded_raters
from surveys.panel.report import raters_words, recorded_spread
from surveys.panel.spread import Spread
from surveys.panel.words import option_words

_OPTION_WIDTH = 15


def option_headers(instrument: Instrument) -> list[str]:
    """The options' labels when every rated question offers the same ones (EDS 2022), else Option 1, 2, ..."""
    rated = [q for q in instrument.questions if q.kind != "text"]
    shapes = {tuple(o.label for o in q.options) for q in rated}
    if len(shapes) == 1:
        return [f"{n} {label}" for n, label in enumerate(next(iter(shapes)), start=1)]
    most = max((len(q.options) for q in rated), default=0)
    return [f"Option {n}" for n in range(1, most + 1)]


def write_panel(ws: Any, instrument: Instrument, assessment: Assessment) -> None:
    options = option_headers(instrument)
    names = unique_names(
        ["Question", "Raters", *options, "Don't know", "No answer", "Median", "Discuss", "Proposed", "Agreed", "Reason"]
    )
    # Discuss (centred) sits between the median and the proposed rating, so a number never runs into words.
    widths: list[float] = [34, 14, *([_OPTION_WIDTH] * len(options)), 8, 8, 9, 9, 20, 20, 36]
    widths = fit_words(widths, names)  # no header word breaks ("Underdeveloped" in bold is wider than 15)
    prepare(ws, widths, freeze="C2", title_rows="1:1")
    rows = Rows(ws, widths)
    counted = {1, *range(2, 2 + len(options) + 3)}
    rows.add(header_row(ws, names, numbers=counted))
    for question in instrument.questions:
        if question.kind == "text":
            continue
        _question_rows(ws, rows, instrument, assessment, question, len(options))
    add_table(ws, "Panel", names, 1, rows.row)
    rows.skip()
    if options and options[0] == "Option 1":
        rows.prose(
            "Options are numbered as each question lists them (the Framework sheet shows them).", span=2 + len(options)
        )
    rows.prose(f"The panel: {raters_words(assessment)}.", span=2 + len(options))
    for rater in recorded_raters(assessment):
        rows.prose(
            f"{rater.respondent or rater.file} ({rater.group or 'no group'}): {rater.file}", span=2 + len(options)
        )


def _median(ws: Any, spread: Spread) -> Any:
    """A number where options are numbered along the scale (EDS 2022); else the option at the median by its
    number, or the two it falls between, lower first ("3 or 1"): the Proposed column says it in words."""
    if spread.in_order or spread.median is None:
        return styled(ws, spread.median, COUNT)
    place = math.floor(spread.median)
    said = str(spread.scale[place - 1])
    if not spread.median.is_integer():
        said += f" or {spread.scale[place]}"
    return text(ws, said, COUNT)  # right-aligned with the numbers of the column


def _question_rows(
    ws: Any, rows: Rows, instrument: Instrument, assessment: Assessment, question: Question, width: int
) -> None:
    agreed = agreed_of(assessment, question.id)
    if agreed is None:
        rows.add([text(ws, question.text, WRAPPED), text(ws, "not agreed yet", TOP)])
        return
    spread = recorded_spread(instrument, assessment, agreed)
    counts = [styled(ws, c, COUNT) for c in spread.counts] + [None] * (width - len(spread.counts))
    departs = agreed.proposed is not None and agreed.choice != agreed.proposed
    rows.add(
        [
            text(ws, question.text, WRAPPED),
            text(ws, f"All ({len(spread.ratings)})", LABEL),
            *counts,
            styled(ws, len(spread.dont_know), COUNT),
            styled(ws, len(spread.unanswered), COUNT),
            _median(ws, spread),
            text(ws, "yes" if agreed.discuss else "", TOP),  # words: a boolean prints as 1 or 0 in Calc here
            text(ws, option_words(question, agreed.proposed) if agreed.proposed else "none", WRAPPED),
            text(ws, option_words(question, agreed.choice), WRAPPED),
            text(ws, agreed.reason if agreed.reason else ("(none given)" if departs else ""), WRAPPED),
        ]
    )
    for group, group_counts in spread.by_group:
        members = [r for r in spread.ratings if group_key(r.group) == group_key(group)]
        rows.add(
            [
                None,
                text(ws, f"{group} ({len(members)})", TOP),
                *(styled(ws, c, COUNT) for c in group_counts),
                *([None] * (width - len(group_counts))),
                styled(ws, sum(1 for r in members if r.dont_know), COUNT),
                styled(ws, sum(1 for r in members if not r.given), COUNT),
            ]
        )
