"""Issue 24, findings 6 to 10: what the second reading of the workbook found, each held by a check.

6. Compare took a copy of the file, a same-day file and another person's file as "earlier".
7. EDS was read partly in the deck's words.
8. Header words and cells were cut in two when printed (the file is measured here; the render
   test reads LibreOffice's print for split words).
9. Charts were too small, squashed, on a 120% axis, or edged at the foot of the page before.
10. No frozen headers; overdue reviews not flagged on the Summary; a refusal's quoting; booleans.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import exports.workbook
from exports.cells import BOOLEAN_FORMAT
from exports.layout import LINE_HEIGHT, line_count
from exports.workbook import ExportError, export_workbook
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import Priority
from tests.conftest import run_stick
from tests.export_helpers import make, values
from tests.format2_support import saved, scored
from tests.print_checks import broken_words
from tests.test_export_findings import ORGS, PLAN

EDS = builtin_instrument("eds2022")
EMU_PER_CM = 360000
EDS_PLAN = Priority(area="2b", title="Cut harassment of staff", lead="Kim Patel", review=date(2026, 6, 30))


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The workbooks the issue read: one, 8 people of 3 organisations, a comparison, EDS alone and as a team."""
    folder = tmp_path_factory.mktemp("second-pass")
    one = make(folder, "one.toml", priorities=[PLAN], notes={"lead-board": "Board met twice"})
    team = [
        make(folder, f"t{n}.toml", respondent=f"Person {n}", organisation=ORGS[n % 3], pick=1 + n % 4) for n in range(8)
    ]
    earlier = make(folder, "early.toml", respondent="Bea Khan", pick=1, on=date(2025, 3, 1), priorities=[PLAN])
    now = make(folder, "now.toml", pick=3)
    eds = saved(folder, replace(scored(EDS, [3, 3, 3, 2, 3, 2, 3, 2, 3, 2, 2]), priorities=(EDS_PLAN,)), "eds.toml")
    raters = [replace(scored(EDS, [(n + k) % 4 for k in range(11)]), respondent=f"Rater {n}") for n in range(6)]
    eds_team = [saved(folder, a, f"eds{n}.toml") for n, a in enumerate(raters)]
    out = {name: folder / f"{name}.xlsx" for name in ("one", "team", "compare", "eds", "eds-team")}
    export_workbook([one], out["one"])
    export_workbook(team, out["team"])
    export_workbook([now], out["compare"], compare=earlier)
    export_workbook([eds], out["eds"])
    export_workbook(eds_team, out["eds-team"])
    return out


def _texts(ws: Any) -> list[str]:
    return [str(v) for row in values(ws) for v in row if v is not None]


# 6. Compare accepts a file that is not really earlier.


def test_compare_refuses_a_copy_and_a_same_day_file_in_one_line_and_force_compares(tmp_path: Path) -> None:
    now = make(tmp_path, "now.toml")
    copy = tmp_path / "copy.toml"
    shutil.copyfile(now, copy)
    same_day = make(tmp_path, "same-day.toml", respondent="Bea Khan", pick=1)
    out = tmp_path / "c.xlsx"
    for earlier, reason in ((copy, "copy.toml is a copy of now.toml"), (same_day, "the same day as now")):
        with pytest.raises(ExportError, match=reason):
            export_workbook([now], out, compare=earlier)
        done = run_stick(["export", str(now), "-o", str(out), "--compare", str(earlier)])
        assert done.returncode == 2 and reason in done.stderr and "use --force" in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and not out.exists()
    export_workbook([now], out, compare=same_day, force=True)
    assert any("the same day as now" in t for t in _texts(load_workbook(out)["Compare"]))


def test_compare_says_when_the_respondents_differ(books: dict[str, Path], tmp_path: Path) -> None:
    said = [t for t in _texts(load_workbook(books["compare"])["Compare"]) if t.startswith("Different respondents")]
    assert said and "Bea Khan earlier, Ann Lee now" in said[0] and "raters" in said[0]
    earlier = make(tmp_path, "early.toml", on=date(2025, 3, 1))
    out = tmp_path / "same.xlsx"
    export_workbook([make(tmp_path, "now.toml", pick=3)], out, compare=earlier)
    assert not any(t.startswith("Different respondents") for t in _texts(load_workbook(out)["Compare"]))


# 7. EDS is not wholly in its own words.


def test_every_eds_sheet_is_in_eds_words(books: dict[str, Path]) -> None:
    for name in ("eds", "eds-team"):
        wb = load_workbook(books[name])
        assert not any("deck" in t for t in _texts(wb["Framework"])), name
        assert "Outcome" in values(wb["Responses"])[0] and "Dimension or outcome" not in values(wb["Responses"])[0]
        assert not any("principle" in t for t in _texts(wb["About"])), name
        framework = _texts(wb["Framework"])
        assert "the top" not in framework and "Where the work usually lives (function)" not in framework
        assert "Excelling activity" in framework and "33" in framework  # the scale and the bands, in its words
    team = load_workbook(books["eds-team"])["Team"]
    texts = _texts(team)
    assert any("(scores 0 to 3)" in t for t in texts) and not any("scores 1 to 4" in t for t in texts)
    plan_header = next(r for r in values(team) if r[:2] == ["Outcome", "Leads named"])
    assert "Functions" not in plan_header


def test_the_eds_summary_gives_each_outcome_its_rating_and_each_priority_its_outcome(books: dict[str, Path]) -> None:
    rows = [[str(v) for v in r if v is not None] for r in values(load_workbook(books["eds"])["Summary"])]
    ratings = {r[0]: r[1] for r in rows if len(r) == 2 and len(r[0]) == 2 and r[0][0] in "123"}
    assert list(ratings) == ["1A", "1B", "1C", "1D", "2A", "2B", "2C", "2D", "3A", "3B", "3C"]
    assert ratings["1A"].startswith("3 of 3, Excelling activity: Patients")
    assert ratings["2B"].startswith("2 of 3, Achieving activity")
    header = next(r for r in rows if r[:2] == ["Priority", "Lead and status"])
    assert header[2] == "Outcome"
    # The line is live from the Action plan (LibreOffice computes "2B" in test_export_render_figures.py): its
    # third cell reads the plan's Outcome column and keeps the code before ": ".
    ws = load_workbook(books["eds"])["Summary"]
    at = next(i for i, r in enumerate(values(ws), start=1) if r[:2] == ["Priority", "Lead and status"]) + 1
    plan = values(load_workbook(books["eds"])["Action plan"])[0]
    letter = "ABCDEFGHIJKLMNOP"[plan.index("Outcome")]
    shown = str(ws[f"C{at}"].value)
    assert f"'Action plan'!${letter}$1:" in shown and 'FIND(": "' in shown


def test_an_eds_priority_picks_its_outcome_from_a_drop_down(books: dict[str, Path]) -> None:
    wb = load_workbook(books["eds"])
    ws = wb["Action plan"]
    header = values(ws)[0]
    letter = "ABCDEFGHIJKLMNOP"[header.index("Outcome")]
    lists = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert lists["Outcomes"].startswith(f"{letter}2:")
    named = wb.defined_names["Outcomes"].attr_text
    column = named.split("!")[1].split(":")[0].replace("$", "")[0]
    chosen = [r[0].value for r in wb["Lists"][f"{column}2:{column}12"]]
    assert chosen == [a.label for a in EDS.areas]


# 8. Headers and cells cut mid-word.


def test_no_word_of_a_header_or_a_wrapped_cell_is_wider_than_its_column(books: dict[str, Path]) -> None:
    for name, path in books.items():
        assert broken_words(path) == [], name


def test_a_functions_row_is_as_tall_as_its_area_needs(books: dict[str, Path]) -> None:
    # Functions' cells are formulas, with no text to measure: the row was sized by the priority alone.
    wb = load_workbook(books["one"])
    ws = wb["Functions"]
    header = values(ws)[0]
    width = ws.column_dimensions["B"].width
    assert header[1] == "Area"
    for r, plan_row in enumerate(values(wb["Action plan"])[1:], start=2):
        if not plan_row[0]:
            continue
        needed = line_count(str(plan_row[1]), width)
        assert (ws.row_dimensions[r].height or LINE_HEIGHT) >= LINE_HEIGHT * needed, (r, plan_row[1], needed)


def test_eds_assessments_are_headed_by_outcome_codes_not_their_full_text(books: dict[str, Path]) -> None:
    header = [str(v) for v in values(load_workbook(books["eds-team"])["Assessments"])[0]]
    codes = ["1A", "1B", "1C", "1D", "2A", "2B", "2C", "2D", "3A", "3B", "3C"]
    assert [h for h in header if h[:1] in "123" and h[1:2] in "ABCD"] == codes
    assert max(len(h) for h in header) < 30


# 9. Charts hard to read.


def test_charts_are_big_enough_to_read_and_none_starts_on_a_page_break(books: dict[str, Path]) -> None:
    seen = 0
    for name, path in books.items():
        wb = load_workbook(path)
        for ws in wb.worksheets:
            breaks = {b.id for b in ws.row_breaks.brk}
            for chart in ws._charts:
                seen += 1
                row = chart.anchor._from.row  # 0-based: the chart's top is the line under 1-based row `row`
                assert row not in breaks, (name, ws.title, row)  # a top on a break prints at the page's foot
                kind = type(chart).__name__
                width, height = chart.anchor.ext.width / EMU_PER_CM, chart.anchor.ext.height / EMU_PER_CM
                if kind == "RadarChart":
                    assert width >= 20 and height >= 12, (name, ws.title, width, height)
                elif ws.title != "Summary":
                    assert width >= 12 and height >= 7, (name, ws.title, width, height)
                if kind == "BarChart" and "Rogers" in str(chart.title.tx.rich.p[0].r[0].t):
                    assert (chart.y_axis.scaling.max or 120) <= 100, (name, ws.title)  # unset: Calc runs it to 120
    assert seen > 10


def test_what_moved_reads_across_the_page(books: dict[str, Path]) -> None:
    ws = load_workbook(books["compare"])["Compare"]
    rows = values(ws)
    start = next(i for i, r in enumerate(rows) if r[0] == "What moved") + 1
    merged = {r.min_row for r in ws.merged_cells.ranges if r.min_col == 1 and r.max_col >= 5}
    lines = [i + 1 for i in range(start, len(rows)) if rows[i][0]][:3]
    assert lines and all(line in merged for line in lines), (lines, sorted(merged)[:10])


# 10. Frozen headers, overdue reviews on the Summary, quoting, booleans.


def test_results_team_and_compare_keep_their_title_in_view(books: dict[str, Path]) -> None:
    for name, sheets in (("one", ["Results"]), ("team", ["Results", "Team"]), ("compare", ["Compare"])):
        wb = load_workbook(books[name])
        for sheet in sheets:
            assert wb[sheet].freeze_panes == "A2", (name, sheet)
            assert wb[sheet].print_title_rows in ("1:1", "$1:$1"), (name, sheet)


def test_an_overdue_review_shows_red_on_the_summary(books: dict[str, Path]) -> None:
    ws = load_workbook(books["one"])["Summary"]
    # The first listed priority's line (live from the Action plan, so found under the header, not by its title).
    row = next(i for i, r in enumerate(values(ws), start=1) if r[:2] == ["Priority", "Lead and status"]) + 1
    rules = [r.formula[0] for cf in ws.conditional_formatting if str(cf.sqref) == f"F{row}" for r in cf.rules]
    assert any(f"$F{row}<TODAY()" in rule and '<>"done"' in rule and '<>"dropped"' in rule for rule in rules), rules


def test_a_refusal_quotes_an_organisation_once(tmp_path: Path) -> None:
    now = make(tmp_path, "now.toml")
    other = make(tmp_path, "other.toml", organisation="Southbank PCT", on=date(2025, 3, 1))
    with pytest.raises(ExportError) as refused:
        export_workbook([now], tmp_path / "c.xlsx", compare=other)
    assert '"Southbank PCT", not "Riverside PCT"' in str(refused.value) and "''" not in str(refused.value)


@pytest.mark.parametrize("plain", [False, True])
def test_every_boolean_prints_as_true_or_false(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plain: bool) -> None:
    if plain:  # past the size where the listing's cells are written plain
        monkeypatch.setattr(exports.workbook, "WRAP_UP_TO", 1)
    files = [make(tmp_path, f"{n}.toml", respondent=n, unsure=["data-hip"]) for n in ("Ann", "Bea")]
    out = tmp_path / "b.xlsx"
    export_workbook(files, out)
    ws = load_workbook(out)["Responses"]
    header = [c.value for c in ws[1]]
    cells = [row[header.index(n)] for row in ws.iter_rows(min_row=2) for n in ("Don't know", "Needs review")]
    assert cells and all(c.data_type == "b" and c.number_format == BOOLEAN_FORMAT for c in cells)
    assert sum(1 for c in cells if c.value is True) == 2
