"""One assessment exported: every sheet read back with openpyxl and checked."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import RadarChart

from exports.workbook import ExportSummary, export_workbook
from surveys.instrument_file import builtin_instrument
from surveys.response_file import load_assessment, save_assessment
from surveys.responses import STATUSES, Priority, with_priorities
from surveys.scoring import score
from tests.export_helpers import column, find_row, formulas, make, shown, values

PLAN = Priority(
    area="data",
    title="Record ethnicity at registration",
    lead="Dr Asha Rao",
    function="health-improvement",
    target=date(2026, 9, 30),
    review=date(2026, 6, 30),
    measure="90% of new patients recorded",
    status="in progress",
)


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, Path]:
    source = make(
        tmp_path,
        "riverside.toml",
        pick=2,
        priorities=[PLAN],
        notes={"lead-board": "Board met twice"},
        unsure=["data-hip"],
    )
    out = tmp_path / "riverside.xlsx"
    calls: list[tuple[int, int]] = []
    summary = export_workbook([source], out, progress=lambda d, t: calls.append((d, t)))
    assert summary == ExportSummary(out, (source,), ())
    assert calls[-1] == (2, 2) and calls[0] == (1, 2)
    return source, out


def test_sheets_in_order_and_no_formulas(exported: tuple[Path, Path]) -> None:
    _, out = exported
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary", "Responses", "Action plan", "Functions", "About"]
    assert formulas(out) == []


def test_summary_facts_scores_and_radars(exported: tuple[Path, Path]) -> None:
    source, out = exported
    instrument = builtin_instrument()
    result = score(instrument, load_assessment(source))
    ws = load_workbook(out)["Summary"]
    assert find_row(ws, "Organisation")[1] == "Riverside PCT"
    assert find_row(ws, "Respondent")[1] == "Ann Lee (Equality lead)"
    assert find_row(ws, "Date")[1] == "2026-03-01"
    assert "version 1" in find_row(ws, "Instrument")[1]
    assert find_row(ws, "Competence")[1].startswith(f"step {result.overall_step} of 4")
    for area in result.areas:
        row = find_row(ws, instrument.area(area.area).label)
        assert row[2] == pytest.approx(area.score) and row[3] == area.step
    charts = ws._charts
    assert [type(c) for c in charts] == [RadarChart, RadarChart]
    competence, fits = charts
    assert len(competence.series) == 1 and len(fits.series) == 1
    # The competence radar reads the area rows: labels in A, scores in C.
    area_rows = [
        r
        for r, row in enumerate(values(ws), start=1)
        if row[0] in {a.label for a in instrument.areas} and isinstance(row[2], (int, float))
    ]
    ref = competence.series[0].val.numRef.f
    assert ref == f"'Summary'!$C${area_rows[0]}:$C${area_rows[-1]}"
    assert competence.series[0].cat.strRef.f == f"'Summary'!$A${area_rows[0]}:$A${area_rows[-1]}"
    assert len(area_rows) == len(instrument.areas)
    assert fits.series[0].cat.strRef.f.startswith("'Summary'!$B$")
    implications = [row[1] for row in values(ws) if row[0] and str(row[0]).startswith("Competence: ")]
    assert implications == [instrument.step(result.overall_step or 1).meaning]


def test_responses_every_question_with_types(exported: tuple[Path, Path]) -> None:
    _, out = exported
    instrument = builtin_instrument()
    ws = load_workbook(out)["Responses"]
    rows = values(ws)
    header = rows[0]
    assert header == [
        "Section",
        "Question",
        "Answer",
        "Score (step 1-4)",
        "Points to",
        "Don't know",
        "Needs review",
        "Note",
        "Answered at",
    ]
    assert len(rows) == 1 + len(instrument.questions)
    by_question = {row[1]: row for row in rows[1:]}
    board = by_question[instrument.question("lead-board").text]  # type: ignore[union-attr]
    assert board[0] == instrument.section("leadership-values").title
    assert board[2] == instrument.question("lead-board").options[1].label  # type: ignore[union-attr]
    assert board[3] == 2 and isinstance(board[3], int)
    assert board[7] == "Board met twice"
    assert isinstance(board[8], datetime)
    unsure = by_question[instrument.question("data-hip").text]  # type: ignore[union-attr]
    assert unsure[5] == "yes" and unsure[3] is None
    profile = by_question[instrument.question("mat-vision").text]  # type: ignore[union-attr]
    assert profile[4] in {p.label for p in instrument.dimension("maturity").profiles}
    assert ws.freeze_panes == "A2"
    assert [t.displayName for t in ws.tables.values()] == ["AllResponses"]


def test_action_plan_table_dates_and_drop_downs(exported: tuple[Path, Path]) -> None:
    _, out = exported
    wb = load_workbook(out)
    ws = wb["Action plan"]
    rows = values(ws)
    assert rows[0] == [
        "Priority",
        "Area",
        "Business function",
        "Lead",
        "Target date",
        "Review date",
        "Measure",
        "Status",
        "Suggested",
    ]
    assert rows[1][:4] == [
        "Record ethnicity at registration",
        "Ethnicity data and monitoring",
        "Health improvement programme",
        "Dr Asha Rao",
    ]
    assert rows[1][4] == datetime(2026, 9, 30) and ws["E2"].is_date and ws["E2"].number_format == "yyyy-mm-dd"
    assert rows[1][5] == datetime(2026, 6, 30)
    assert rows[1][6:] == ["90% of new patients recorded", "in progress", None]
    (table,) = ws.tables.values()
    assert table.displayName == "ActionPlan" and table.ref == "A1:I2"
    assert [c.name for c in table.tableColumns] == rows[0]
    assert table.autoFilter is not None and table.autoFilter.ref == "A1:I2"
    assert ws.freeze_panes == "A2"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["A"].width > 20 and ws["A2"].alignment.wrap_text
    lists = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list"
        sheet, cells = dv.formula1.split("!")
        source = wb[sheet.strip("'")]
        lists[str(dv.sqref).split(":")[0]] = [
            source[c].value for row in source[cells.replace("$", "")] for c in [row[0].coordinate]
        ]
    assert lists["C2"] == [f.label for f in builtin_instrument().functions]
    assert lists["H2"] == list(STATUSES)


def test_functions_matrix_names_the_lead(exported: tuple[Path, Path]) -> None:
    _, out = exported
    ws = load_workbook(out)["Functions"]
    header = values(ws)[0]
    row = values(ws)[1]
    assert row[0] == "Record ethnicity at registration"
    assert row[header.index("Health improvement programme")] == "Dr Asha Rao"
    assert [v for v in row[2:] if v is not None] == ["Dr Asha Rao"]
    totals = find_row(ws, "Priorities in each business function")
    assert totals[header.index("Health improvement programme")] == 1


def test_about_names_files_not_folders(exported: tuple[Path, Path]) -> None:
    source, out = exported
    ws = load_workbook(out)["About"]
    cells = [shown(v) for row in values(ws) for v in row if v is not None]
    assert source.name in cells
    assert builtin_instrument().reading_note in cells
    assert not any(str(source.parent) in str(v) for v in cells)


def test_a_plan_emptied_on_purpose_shows_no_suggestions(tmp_path: Path) -> None:
    source = make(tmp_path, "emptied.toml", pick=1)
    save_assessment(source, with_priorities(load_assessment(source), ()))
    out = tmp_path / "emptied.xlsx"
    export_workbook([source], out)
    rows = values(load_workbook(out)["Action plan"])[1:]
    assert not any(r[8] == "suggested" for r in rows)
    assert not any(r[0] for r in rows)  # only the blank rows left for planners to fill


def test_suggested_priorities_when_none_set(tmp_path: Path) -> None:
    source = make(tmp_path, "no-plan.toml", pick=1)
    out = tmp_path / "no-plan.xlsx"
    export_workbook([source], out)
    result = score(builtin_instrument(), load_assessment(source))
    ws = load_workbook(out)["Action plan"]
    rows = values(ws)[1:]
    assert len(rows) == len(result.suggestions) > 0
    assert all(r[8] == "suggested" and r[3] is None for r in rows)
    assert column(ws, "Area")[: len(rows)] == [builtin_instrument().area(s.area).label for s in result.suggestions]
