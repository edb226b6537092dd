"""One assessment exported: every sheet read back with openpyxl and checked."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, RadarChart

from exports.workbook import ExportSummary, export_workbook
from surveys.files.response_file import load_assessment, save_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import STATUSES, Priority, with_priorities
from surveys.results.scoring import score
from tests.export_helpers import column, find_row, foreign_formulas, make, records, shown, values

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


def test_sheets_in_order_and_no_formula_from_user_text(exported: tuple[Path, Path]) -> None:
    _, out = exported
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "Summary",
        "Results",
        "Action plan",
        "Functions",
        "Framework",
        "Responses",
        "Answers",
        "About",
        "Lists",
    ]
    assert [ws.title for ws in wb.worksheets if ws.sheet_state == "hidden"] == ["Lists"]
    assert foreign_formulas(out) == []
    assert wb.properties.creator == "stick" and wb.properties.title == "Making race equality stick: Riverside PCT"
    assert wb.calculation.fullCalcOnLoad


def test_summary_is_the_board_page(exported: tuple[Path, Path]) -> None:
    source, out = exported
    instrument = builtin_instrument()
    result = score(instrument, load_assessment(source))
    ws = load_workbook(out)["Summary"]
    assert find_row(ws, "Organisation")[1] == "Riverside PCT"
    assert find_row(ws, "Respondent")[1] == "Ann Lee (Equality lead)"
    date_cell = next(c for row in ws.iter_rows() for c in row if c.value == datetime(2026, 3, 1))
    assert date_cell.is_date and date_cell.number_format == "yyyy-mm-dd"
    step = result.overall_step or 0
    assert find_row(ws, "Step reached")[1] == f"step {step} of 4: {instrument.step(step).label}"
    assert find_row(ws, "What it means")[1] == instrument.step(step).meaning
    transition = instrument.step(step).transition
    assert (
        find_row(ws, "Next")[1] == f"Work on {transition} to reach step {step + 1}: {instrument.step(step + 1).label}."
    )
    assert find_row(ws, "Placed as")[1].startswith(instrument.adopter(result.adopter or "").label)
    for d in instrument.dimensions:
        assert find_row(ws, d.label)[1].endswith("answers)")
    # The plan lines are live from the Action plan (their values, as Calc computes them, in test_export_render_figures).
    slot = next(r for r in ws.iter_rows() if r[0].value == "Priority")[0].row + 1
    assert str(ws[f"A{slot}"].value).startswith("=IF($L$") and "INDEX('Action plan'!$A$1:$A$32," in ws[f"A{slot}"].value
    assert ws.column_dimensions["L"].hidden
    # Rogers' curve, for one assessment too: Rogers' shares and where this one falls.
    (chart,) = ws._charts
    assert isinstance(chart, BarChart) and len(chart.series) == 2
    assert ws.page_setup.fitToHeight == 1 and ws.page_setup.fitToWidth == 1


def test_results_scores_and_one_chart_per_dimension(exported: tuple[Path, Path]) -> None:
    source, out = exported
    instrument = builtin_instrument()
    result = score(instrument, load_assessment(source))
    ws = load_workbook(out)["Results"]
    for area in result.areas:
        row = find_row(ws, instrument.area(area.area).label)
        assert row[2] == pytest.approx(area.score) and row[3] == area.step
    radars = [c for c in ws._charts if isinstance(c, RadarChart)]
    bars = [c for c in ws._charts if isinstance(c, BarChart)]
    assert len(radars) == 1 and len(bars) == len(instrument.dimensions)
    # Each dimension's chart reads its own three profiles: never nine spokes in one polygon.
    for chart in bars:
        first, last = (int(x) for x in re.findall(r"\$(\d+)", chart.series[0].val.numRef.f))
        assert last - first + 1 == 3
    area_rows = [
        r
        for r, row in enumerate(values(ws), start=1)
        if row[0] in {a.label for a in instrument.areas} and isinstance(row[2], (int, float))
    ]
    assert radars[0].series[0].val.numRef.f == f"'Results'!$C${area_rows[0]}:$C${area_rows[-1]}"
    implications = [row[1] for row in values(ws) if row[0] and str(row[0]).startswith("Competence: ")]
    assert implications == [instrument.step(result.overall_step or 1).meaning]


def test_responses_are_tidy_data(exported: tuple[Path, Path]) -> None:
    _, out = exported
    instrument = builtin_instrument()
    ws = load_workbook(out)["Responses"]
    rows = records(ws)
    assert list(rows[0]) == [
        "No.",
        "Organisation",
        "Respondent",
        "Section",
        "Question ID",
        "Question",
        "Kind",
        "Dimension or area",
        "Option",
        "Answer",
        "Step",
        "Points to",
        "Don't know",
        "Needs review",
        "Note",
        "Answered at",
    ]
    assert len(rows) == len(instrument.questions)
    by_id = {r["Question ID"]: r for r in rows}
    board = by_id["lead-board"]
    question = instrument.question("lead-board")
    assert question is not None
    assert board["Section"] == instrument.section("leadership-values").title and board["Question"] == question.text
    assert board["Kind"] == "ladder" and board["Dimension or area"] == instrument.area(question.area).label
    assert board["Option"] == 2 and board["Answer"] == question.options[1].label and board["Step"] == 2
    assert board["Note"] == "Board met twice" and isinstance(board["Answered at"], datetime)
    assert board["Don't know"] is False and board["Needs review"] is False
    assert by_id["data-hip"]["Don't know"] is True and by_id["data-hip"]["Step"] is None
    profile = by_id["mat-vision"]
    assert profile["Dimension or area"] == "Organisational maturity"
    assert profile["Points to"] in {p.label for p in instrument.dimension("maturity").profiles}
    assert {r["Organisation"] for r in rows} == {"Riverside PCT"} and {r["No."] for r in rows} == {1}
    assert ws.freeze_panes == "D2"
    assert [t.displayName for t in ws.tables.values()] == ["AllResponses"]


def test_the_answer_matrix_has_a_row_per_assessment_and_a_column_per_question(exported: tuple[Path, Path]) -> None:
    _, out = exported
    instrument = builtin_instrument()
    (row,) = records(load_workbook(out)["Answers"])
    asked = [q.id for q in instrument.questions if q.kind != "text"]
    assert list(row) == ["No.", "Organisation", "Respondent", "Date", *asked]
    assert row["lead-board"] == 2 and row["data-hip"] is None  # don't know is left out, as in every score


def test_action_plan_table_dates_checklist_and_drop_downs(exported: tuple[Path, Path]) -> None:
    _, out = exported
    wb = load_workbook(out)
    ws = wb["Action plan"]
    instrument = builtin_instrument()
    principles = [p.label for p in instrument.principles]
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
        *principles,
    ]
    assert principles == [
        "Builds on existing work",
        "Links to mainstream targets and objectives",
        "Action focused",
        "Sets achievable priorities",
        "Reviewable",
    ]
    assert rows[1][:4] == [
        "Record ethnicity at registration",
        "Ethnicity data and monitoring",
        "Health improvement programme",
        "Dr Asha Rao",
    ]
    assert rows[1][4] == datetime(2026, 9, 30) and ws["E2"].is_date and ws["E2"].number_format == "yyyy-mm-dd"
    assert rows[1][5] == datetime(2026, 6, 30)
    assert rows[1][6:9] == ["90% of new patients recorded", "in progress", None]
    (table,) = ws.tables.values()
    assert table.displayName == "ActionPlan" and table.ref == "A1:N32"  # the spare rows too
    assert [c.name for c in table.tableColumns] == rows[0]
    assert ws.freeze_panes == "A2"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["A"].width > 20 and ws["A2"].alignment.wrap_text
    names = wb.defined_names
    lists = wb["Lists"]

    def named(name: str) -> list[str]:
        sheet, cells = names[name].attr_text.split("!")
        assert sheet.strip("'") == "Lists"
        return [row[0].value for row in lists[cells.replace("$", "")]]

    assert named("BusinessFunctions") == [f.label for f in instrument.functions]
    assert named("Statuses") == list(STATUSES)
    assert named("PrincipleChecks") == ["yes", "partly", "no"]
    by_range = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert by_range["C2:C32"].type == "list" and by_range["C2:C32"].formula1 == "BusinessFunctions"
    assert by_range["H2:H32"].formula1 == "Statuses"
    for letter in "JKLMN":
        assert by_range[f"{letter}2:{letter}32"].formula1 == "PrincipleChecks"
    for letter in "EF":
        dv = by_range[f"{letter}2:{letter}32"]
        assert dv.type == "date" and dv.operator == "between"
        assert (dv.formula1, dv.formula2) == ("DATE(2000,1,1)", "DATE(2100,12,31)")
    assert all(dv.showInputMessage and dv.showErrorMessage for dv in by_range.values())
    # A review date that has passed, on a priority still open, shows red.
    (overdue,) = [
        r for cf in ws.conditional_formatting for r in cf.rules if cf.sqref == "F2:F32" or str(cf.sqref) == "F2:F32"
    ]
    assert overdue.formula == ['AND($F2<>"",$F2<TODAY(),$H2<>"done",$H2<>"dropped")']


def test_functions_are_formulas_over_the_action_plan(exported: tuple[Path, Path]) -> None:
    _, out = exported
    ws = load_workbook(out)["Functions"]
    header = values(ws)[0]
    row = values(ws)[1]
    assert row[0] == '=IF(\'Action plan\'!$A$2="","",\'Action plan\'!$A$2&"")'
    health = header.index("Health improvement programme")
    letter = chr(ord("A") + health)
    assert row[health].startswith(f"=IF('Action plan'!$C$2={letter}$1,")
    totals = find_row(ws, "Priorities set in each")
    assert totals[health] == (
        f"=SUMPRODUCT(('Action plan'!$A$2:$A$32<>\"\")*('Action plan'!$I$2:$I$32<>\"suggested\")"
        f"*('Action plan'!$H$2:$H$32<>\"dropped\")*('Action plan'!$C$2:$C$32={letter}$1))"
    )
    assert str(find_row(ws, "Suggested, not yet set")[health]).startswith("=SUMPRODUCT(")
    assert find_row(ws, "in progress")[1] == (
        "=SUMPRODUCT(('Action plan'!$A$2:$A$32<>\"\")*('Action plan'!$I$2:$I$32<>\"suggested\")"
        "*('Action plan'!$H$2:$H$32=\"in progress\"))"
    )


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
    rows = records(ws)
    assert len(rows) == len(result.suggestions) > 0
    assert all(r["Suggested"] == "suggested" and r["Lead"] is None for r in rows)
    assert column(ws, "Area")[: len(rows)] == [builtin_instrument().area(s.area).label for s in result.suggestions]
