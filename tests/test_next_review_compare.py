"""The workbook's Compare sheet says what moved in the engine's words, as the report does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from exports.workbook import export_workbook
from surveys.editing.next_review import create_next_review, next_review
from surveys.files.response_file import load_assessment, save_assessment
from surveys.instruments.opening import open_assessment
from surveys.results.scoring import score
from surveys.results.what_moved import moved_lines, review_moved
from tests.app_support import answered, write
from tests.export_helpers import shown, values


def test_the_compare_sheet_lists_what_moved_as_the_report_does(tmp_path: Path) -> None:
    earlier = write(tmp_path, "2026.toml", answered("Northfield PCT", date(2026, 3, 31), 1, plan=True))
    review = create_next_review(earlier, next_review(load_assessment(earlier), earlier, on=date(2027, 3, 31)))
    # Answered this year, the carried plan as it was: the steps moved, the statuses are still to update.
    carried = load_assessment(review).priorities
    save_assessment(review, replace(answered("Northfield PCT", date(2027, 3, 31), 3), priorities=carried))
    out = tmp_path / "compare.xlsx"
    export_workbook([review], out, compare=earlier)
    texts = [shown(v) for r in values(load_workbook(out)["Compare"]) for v in r if isinstance(v, str)]
    a, b = open_assessment(earlier), open_assessment(review)
    moved = review_moved(
        a.instrument, a.assessment, score(a.instrument, a.assessment), b.assessment, score(b.instrument, b.assessment)
    )
    lines = moved_lines(a.instrument, moved)
    assert "Leadership: step 1 → step 3" in lines
    assert "What moved" in texts
    start = texts.index("What moved") + 1
    assert texts[start : start + len(lines)] == lines
    assert any(t.endswith("(to update)") for t in texts)  # the carried statuses not yet looked at


def test_a_review_not_yet_answered_does_not_say_its_placements_changed(tmp_path: Path) -> None:
    # Seen on the rendered Compare sheet: "not placed (no answers yet)" beside "changed".
    earlier = write(tmp_path, "2026.toml", answered("Northfield PCT", date(2026, 3, 31), 1, plan=True))
    review = create_next_review(earlier, next_review(load_assessment(earlier), earlier, on=date(2027, 3, 31)))
    out = tmp_path / "compare.xlsx"
    export_workbook([review], out, compare=earlier)
    rows = [[shown(v) for v in r] for r in values(load_workbook(out)["Compare"])]
    labels = {d.label for d in open_assessment(earlier).instrument.dimensions}
    directions = [r[3] for r in rows if r and r[0] in labels and len(r) > 3]
    assert directions and all(d == "not known" for d in directions)
