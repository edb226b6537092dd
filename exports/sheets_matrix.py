"""The Answers sheet: one row per assessment, one column per question, for pivoting.

Each cell holds the number of the option chosen (the Responses sheet says
what it means); a question not answered, answered "don't know" or needing
review is left empty, as it is left out of every score.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from exports.cells import COUNT, DATE, WRAPPED, header_row, styled, text
from exports.layout import Rows, add_table, prepare, unique_names
from exports.merge import Member

_LEAD = ["No.", "Organisation", "Respondent", "Date"]
_LEAD_WIDTHS = [5, 14, 14, 10.5]
_QUESTION_WIDTH = 5.5


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
    widths = _LEAD_WIDTHS + [_QUESTION_WIDTH] * len(ids)
    prepare(ws, widths, freeze="E2", title_rows="1:1")
    rows = Rows(ws, widths)
    rows.add(header_row(ws, names, numbers={0, 3, *range(4, len(names))}))
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
