"""What issue 24 found in the team workbook's figures (findings 1 to 5), each as a check on the cells written.

The same findings as LibreOffice computes and prints them (the live plan
lines, the counts after a planner's edit) are in test_export_render_figures.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.chart import RadarChart

from exports.sheets_plan import SPARE_ROWS
from exports.workbook import export_workbook
from tests.export_helpers import make, records, values
from tests.figure_books import FOUR, ORGS, eds_file, team_of_eight, this_year_and_last


def _words(ws: Any) -> list[str]:
    return [str(v) for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("figures")
    out = {name: folder / f"{name}.xlsx" for name in ("one", "team", "compare", "eds-pair", "eds-two")}
    export_workbook([make(folder, "one.toml", priorities=FOUR)], out["one"])
    export_workbook(team_of_eight(folder), out["team"])
    now, earlier = this_year_and_last(folder)
    export_workbook([now], out["compare"], compare=earlier)
    # Two complete EDS gradings, each 22 of 33 (Achieving) as `stick report` says: one trust, then two.
    a = eds_file(folder, "a.toml", [2] * 11, "Northfield NHS Trust", "Board panel")
    b = eds_file(folder, "b.toml", [3, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1], "Northfield NHS Trust", "Staff panel")
    c = eds_file(folder, "c.toml", [1] * 11, "Southbank NHS Trust", "Board panel")
    export_workbook([a, b], out["eds-pair"])
    export_workbook([a, c], out["eds-two"])
    return out


# Finding 1: EDS 2022 with more than one file gave no score for any organisation.
def test_an_eds_team_has_each_organisations_total_and_rating_and_each_respondents(books: dict[str, Path]) -> None:
    rating = "organisation rating: Achieving activity"
    pair = load_workbook(books["eds-pair"])
    summary = {r[0]: r[1] for r in values(pair["Summary"]) if r[0] and r[1]}
    assert summary["Total outcome score"] == f"22 of 33; {rating} (mean of 2 assessments)"
    # Each domain's total over the trust's mean outcome scores: (8+10)/2, (8+8)/2, (6+4)/2.
    assert [v for k, v in summary.items() if k.startswith("Domain")] == ["9 of 12", "8 of 12", "5 of 9"]
    two = load_workbook(books["eds-two"])
    lines = {
        r[0]: r[2] for r in values(two["Summary"]) if r[0] in ("Northfield NHS Trust (1)", "Southbank NHS Trust (1)")
    }
    assert lines == {
        "Northfield NHS Trust (1)": f"22 of 33; {rating}",
        "Southbank NHS Trust (1)": "11 of 33; organisation rating: Developing activity",
    }
    team = values(two["Team"])
    at = next(i for i, r in enumerate(team) if r[:2] == ["Organisation", "Assessments"])
    assert team[at][2] == "Total outcome score"
    assert {r[0]: r[2] for r in team[at + 1 : at + 3]} == {
        "Northfield NHS Trust": f"22 of 33; {rating}",
        "Southbank NHS Trust": "11 of 33; organisation rating: Developing activity",
    }
    for book, totals in ((pair, [22, 22]), (two, [22, 11])):
        people = records(book["Assessments"])
        assert [p["Total outcome score"] for p in people] == totals
        assert {p["Organisation rating"] for p in people} <= {"Achieving activity", "Developing activity"}
    assert "not yet known" not in " ".join(_words(pair["Summary"]) + _words(two["Summary"]) + _words(two["Team"]))


# Finding 2: the team Summary pooled what it says it never pools.
def test_several_organisations_are_never_pooled_on_summary_results_or_team(books: dict[str, Path]) -> None:
    wb = load_workbook(books["team"])
    summary = values(wb["Summary"])
    said = " ".join(_words(wb["Summary"]))
    # No pooled count held to one plan's limit, and no one organisation's priorities listed for all.
    assert not re.search(r"\(\d+ set; the framework", said)
    assert "Record ethnicity at registration" not in said and "more on the Action plan" not in said
    header = next(r for r in summary if r[0] == "Organisation (assessments)")
    assert header[4:6] == ["Priorities set", "Plans over the limit"]
    lines = [r for r in summary if r[0] in {f"{o} ({n})" for o, n in zip(ORGS, (3, 3, 2), strict=False)}]
    assert [r[6] for r in lines] == list(ORGS[:3])  # each line counts its own organisation (hidden column G)
    assert all("'Action plan'!$A$2:$A$" in r[4] and "=$G$" in r[4] for r in lines)
    # Rogers' curve is of organisations: each organisation once, a tie split evenly.
    people = records(wb["Assessments"])
    shares: dict[str, float] = {}
    for org in ORGS[:3]:
        named = [p["Adopter category"] for p in people if p["Organisation"] == org]
        top = max(named.count(a) for a in named)
        tied = sorted({a for a in named if named.count(a) == top})
        for a in tied:
            shares[a] = shares.get(a, 0) + 100 / 3 / len(tied)
    at = next(i for i, r in enumerate(summary) if r[2] == "These organisations (%)")
    drawn = {r[0]: r[2] for r in summary[at + 1 : at + 6]}
    assert drawn == pytest.approx({a: round(shares.get(a, 0.0), 1) for a in drawn}, abs=0.06)
    assert sum(drawn.values()) == pytest.approx(100, abs=0.2)
    results = values(wb["Results"])
    assert "Team mean" not in " ".join(_words(wb["Results"]))
    assert any(r[: len(ORGS[:3]) + 1] == ["Area", *ORGS[:3]] for r in results)
    (radar,) = [c for c in wb["Results"]._charts if isinstance(c, RadarChart)]
    assert len(radar.series) == 3
    team = _words(wb["Team"])
    assert {f"{o} ({n} assessments)" for o, n in zip(ORGS, (3, 3, 2), strict=False)} <= set(team)
    assert "These organisations (%)" in team


# Finding 4: rows the planning team adds were half-counted.
def test_the_table_the_grid_and_the_formats_cover_every_row_a_planner_can_type_into(books: dict[str, Path]) -> None:
    wb = load_workbook(books["team"])
    plan = wb["Action plan"]
    last = max(int(str(dv.sqref).split(":")[-1][1:]) for dv in plan.data_validations.dataValidation)
    (table,) = plan.tables.values()
    assert table.ref.endswith(str(last)) and table.autoFilter.ref == table.ref
    exported = len(records(plan))
    assert last == 1 + exported + SPARE_ROWS
    names = [c.value for c in plan[1]]
    for r in (exported + 2, last):  # the first spare row and the last
        assert plan.cell(r, names.index("Target date") + 1).number_format == "yyyy-mm-dd"
        assert plan.cell(r, names.index("Priority") + 1).alignment.wrap_text
        assert plan.cell(r, names.index("Lead") + 1).alignment.wrap_text
    grid = " ".join(str(v) for row in wb["Functions"].iter_rows(values_only=True) for v in row if v)
    referred = {int(n) for n in re.findall(r"'Action plan'!\$D\$(\d+)(?!:)", grid)}
    assert referred == set(range(2, last + 1))  # a grid row for every plan row, spare rows included


# Finding 5: a carried priority's "to update" was lost outside Compare; the count included done and dropped.
def test_a_carried_priority_says_to_update_and_the_summary_says_what_moved(books: dict[str, Path]) -> None:
    wb = load_workbook(books["compare"])
    plan = records(wb["Action plan"])
    assert [p["Carried"] for p in plan] == [
        '=IF($H2="in progress","carried from 2025: update the status","carried from 2025")',
        '=IF($H3="not started","carried from 2025: update the status","carried from 2025")',
        '=IF($H4="done","carried from 2025: update the status","carried from 2025")',
    ]
    summary = {r[0]: r[1] for r in values(wb["Summary"]) if r[0]}
    since = summary["Since last year"]
    assert since.startswith("Compared with 2025-03-01: ") and "of the earlier plan's 3 priorities" in since
    assert "2 still open (2 with the status to update)" in since
    assert "Carried forward" in summary
    one = values(load_workbook(books["one"])["Summary"])
    count = next(r for r in one if r[0] == "Priorities")
    assert count[1] == '=$G$17&" set, "&$H$17&" open (not done)"'.replace("17", str(one.index(count) + 1))
    assert '"dropped"' in count[6] and '"done"' in count[7]  # set leaves out dropped; open leaves out done too
