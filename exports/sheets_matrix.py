"""The Answers sheet: one row per assessment, one column per question, for pivoting.

Each cell holds the number of the option chosen (the Responses sheet says
what it means); a question not answered, answered "don't know" or needing
review is left empty, as it is left out of every score.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from exports.cells import COUNT, DATE, UPRIGHT_HEADER, WRAPPED, header_row, styled, text
from exports.layout import Rows, add_table, fit_words, prepare, unique_names
from exports.merge import Member
from exports.text_width import HEADER_PADDING, text_width

_LEAD = ["No.", "Organisation", "Respondent", "Date"]
_LEAD_WIDTHS = [5, 14, 14, 10.5]
# The question ids read upwards, so a column is as wide as an option number: a page holds every question.
_QUESTION_WIDTH = 3.5
_POINTS_PER_WIDTH = 5.25  # a column-width unit is 7 pixels, 5.25 points


def question_ids(members: Sequence[Member]) -> list[str]:
    """Every question any assessment's instrument asks (text questions aside), in the order first met."""
    seen: dict[str, None] = {}
    for instrument in dict.fromkeys(m.instrument for m in members):
        for q in instrument.questions:
            if q.kind != "text":
                seen.setdefault(q.id, None)
    return list(seen)


def write_matrix(ws: Any, members: Sequence[Member], styled_cells: bool = True) -> None:
    ids = question_ids(members)
    names = unique_names(_LEAD + ids)
    widths = fit_words(_LEAD_WIDTHS, names) + [_QUESTION_WIDTH] * len(ids)
    prepare(ws, widths, freeze="E2", title_rows="1:1")
    rows = Rows(ws, widths)
    lead = header_row(ws, names[: len(_LEAD)], numbers={0, 3})
    upright = [text(ws, name, UPRIGHT_HEADER) for name in names[len(_LEAD) :]]
    longest = max((text_width(n, bold=True) for n in names[len(_LEAD) :]), default=0.0)
    rows.add(lead + upright, height=max(30.0, (longest + HEADER_PADDING) * _POINTS_PER_WIDTH))
    for m in members:
        chosen = m.chosen
        rows.add(
            [
                styled(ws, m.no, COUNT),
                text(ws, m.organisation, WRAPPED),
                text(ws, m.respondent, WRAPPED),
                styled(ws, m.date, DATE),
                *(_choice(ws, chosen.get(qid), styled_cells) for qid in ids),
            ]
        )
    add_table(ws, "Answers", names, 1, rows.row)


def _choice(ws: Any, value: int | None, styled_cells: bool) -> Any:
    # Past a hundred files the cells stay plain: the sheet is for pivoting, and plain is fast.
    return styled(ws, value, COUNT) if styled_cells else value
