"""Issue 24's findings 1 to 5 as LibreOffice computes and prints the workbooks.

A team of 8 from 3 organisations, 200 files from 6, EDS 2022 alone and as a
team of 6, this year against last (its plan carried), and one assessment
after a planner's edit of its Action plan: printed to PDF (the Summary on
exactly one page, saying what it should) and recalculated to xlsx, whose
cached values are read back with openpyxl.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from exports.workbook import export_workbook
from surveys.files.response_file import load_assessment, save_assessment
from tests.export_helpers import make, records, values
from tests.figure_books import FOUR, ORGS, eds_file, eds_team, team_of_eight, this_year_and_last, two_hundred
from tests.print_checks import pdf_pages
from tests.test_export_print_and_words import EDS_PLAN
from tests.test_export_render import _soffice

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are needed to render workbooks",
)
PRINTED = ("team", "many", "eds-team", "eds-one", "compare")
CALCULATED = ("team", "many", "eds-team", "eds-one", "compare", "edited", "team-edited")


def _edit_one(source: Path, target: Path) -> None:
    """What a planning meeting does: a status, a function and a lead changed, a priority typed in a spare row."""
    wb = load_workbook(source)
    ws = wb["Action plan"]
    ws["H2"] = "done"  # Record ethnicity at registration
    ws["C3"] = "Clinical governance framework"  # Board champion for race equality
    ws["D3"] = "Dr Patel"
    ws["A6"], ws["C6"], ws["D6"] = "Interpreters in every clinic", "Health improvement programme", "Ms Khan"
    ws["E6"], ws["H6"] = datetime(2027, 1, 31), "in progress"
    wb.save(target)


def _drop_one(source: Path, target: Path) -> None:
    """The team's planners drop one of Hillside's priorities."""
    wb = load_workbook(source)
    ws = wb["Action plan"]
    names = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Hillside PCT" and r[3].value == FOUR[0].title)
    row[names.index("Status")].value = "dropped"
    wb.save(target)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("render-figures")
    books = {name: folder / f"{name}.xlsx" for name in ("one", "team", "many", "eds-team", "eds-one", "compare")}
    export_workbook([make(folder, "one.toml", priorities=FOUR)], books["one"])
    export_workbook(team_of_eight(folder), books["team"])
    export_workbook(two_hundred(folder), books["many"])
    export_workbook(eds_team(folder), books["eds-team"])
    eds = eds_file(folder, "eds-one.toml", [3, 3, 3, 2, 3, 2, 3, 2, 3, 2, 2], "Northfield NHS Trust", "The board")
    save_assessment(eds, replace(load_assessment(eds), priorities=(EDS_PLAN,), plan_started=True))
    export_workbook([eds], books["eds-one"])
    now, earlier = this_year_and_last(folder)
    export_workbook([now], books["compare"], compare=earlier)
    books["edited"], books["team-edited"] = folder / "edited.xlsx", folder / "team-edited.xlsx"
    _edit_one(books["one"], books["edited"])
    _drop_one(books["team"], books["team-edited"])
    pdfs, calc, profile = folder / "pdf", folder / "calc", folder / "lo-profile"
    _soffice("pdf", [books[k] for k in PRINTED], pdfs, profile)
    _soffice("xlsx", [books[k] for k in CALCULATED], calc, profile)
    out = {f"{k}.xlsx": v for k, v in books.items()}
    out |= {f"{k}.pdf": pdfs / f"{k}.pdf" for k in PRINTED}
    out |= {f"{k}.calc": calc / f"{k}.xlsx" for k in CALCULATED}
    return out


def _summary_page(rendered: dict[str, Path], kind: str) -> str:
    # Only the footer is looked for: a page of a chart's long labels may hide another sheet's.
    pages = [p for p in pdf_pages(rendered[f"{kind}.pdf"]) if re.search(r"Summary: page \d+ of", p)]
    assert len(pages) == 1, (kind, len(pages))
    return " ".join(pages[0].split())


def _calc(rendered: dict[str, Path], kind: str, sheet: str) -> list[list[Any]]:
    return values(load_workbook(rendered[f"{kind}.calc"], data_only=True)[sheet])


def _listed(summary: list[list[Any]]) -> list[list[Any]]:
    """The Summary's listed priorities, as computed: the rows under its 'Priority' header with a title."""
    at = next(i for i, r in enumerate(summary) if r[0] == "Priority")
    return [[None if v == "" else v for v in r[:6]] for r in summary[at + 1 : at + 7] if r[0]]


# Finding 1: EDS teams are scored, by organisation (Summary, Team) and by respondent (Assessments).
def test_an_eds_team_of_six_prints_each_trusts_total_and_rating(rendered: dict[str, Path]) -> None:
    page = _summary_page(rendered, "eds-team")
    assert "not yet known" not in page
    lines = {r[0]: r[2] for r in _calc(rendered, "eds-team", "Summary") if r[0]}
    for trust, first in (("Northfield NHS Trust", 0), ("Southbank NHS Trust", 3)):
        # Each panel n graded outcome k as (n + k) % 4; the trust's figure is the mean of its three totals.
        totals = [sum((n + k) % 4 for k in range(11)) for n in range(first, first + 3)]
        mean = round(sum(totals) / 3, 1)
        assert f"{trust} (3)" in page and f"{mean:g} of 33;" in page
        assert (
            lines[f"{trust} (3)"] == f"{mean:g} of 33; organisation rating: Developing activity (mean of 3 assessments)"
        )
    people = records(load_workbook(rendered["eds-team.calc"], data_only=True)["Assessments"])
    assert [p["Total outcome score"] for p in people] == [sum((n + k) % 4 for k in range(11)) for n in range(6)]
    assert {p["Organisation rating"] for p in people} == {"Developing activity"}
    single = _summary_page(rendered, "eds-one")
    assert "28 of 33" in single and "Achieving activity" in single
    # Its priority's line, live from the Action plan, shows the outcome by its code (EDS has no business functions).
    assert _listed(_calc(rendered, "eds-one", "Summary"))[0][:3] == [
        EDS_PLAN.title,
        f"{EDS_PLAN.lead}; not started",
        "2B",
    ]


# Finding 2: per organisation everywhere, every limit per plan; 8 people in 3 organisations and 200 in 6.
@pytest.mark.parametrize("kind", ["team", "many"])
def test_each_organisations_plans_are_counted_on_its_own_line(rendered: dict[str, Path], kind: str) -> None:
    plan = records(load_workbook(rendered[f"{kind}.xlsx"])["Action plan"])
    summary = _calc(rendered, kind, "Summary")
    lines = {r[0]: r for r in summary if isinstance(r[0], str) and re.fullmatch(r".+ \(\d+\)", r[0])}
    shown = [o for o in ORGS if any(k.startswith(o + " (") for k in lines)]
    assert shown == list(ORGS[: min(4, 3 if kind == "team" else 6)])
    for org in shown:
        mine = [p for p in plan if p["Organisation"] == org]
        chosen = [p for p in mine if p["Suggested"] is None and p["Status"] != "dropped"]
        waiting = [p for p in chosen if p["Status"] != "done"]
        suggested = sum(1 for p in mine if p["Suggested"] == "suggested")
        line = next(r for k, r in lines.items() if k.startswith(org + " ("))
        expected = f"{len(chosen)} ({len(waiting)} open)" if chosen else f"{suggested} suggested"
        assert line[4:6] == [expected, 0], (kind, org)
    page = _summary_page(rendered, kind)
    assert "5 or fewer open in each plan" in page and not re.search(r"\d+ set; the framework", page)
    assert "These organisations (%)" in page


def test_the_team_sheet_leaves_dropped_priorities_out_of_set(rendered: dict[str, Path]) -> None:
    def team_set(kind: str) -> dict[str, Any]:
        team = _calc(rendered, kind, "Team")
        at = next(i for i, r in enumerate(team) if r[:2] == ["Organisation", "Assessments"])
        return {r[0]: r[-2] for r in team[at + 1 : at + 4]}

    # Hillside: two plans of five, one dropped in each; then the planners drop one more.
    assert team_set("team") == {"Riverside PCT": 4, "Hillside PCT": 8, "Valley PCT": 4}
    assert team_set("team-edited") == {"Riverside PCT": 4, "Hillside PCT": 7, "Valley PCT": 4}
    people = records(load_workbook(rendered["team-edited.calc"], data_only=True)["Assessments"])
    assert [p["Open (limit 5)"] for p in people] == [0, 2, 0, 3, 0, 3, 0, 3]


# Findings 3 and 4: the Summary follows the Action plan, and a priority typed in a spare row counts everywhere.
def test_the_summary_and_functions_follow_a_planning_meetings_edits(rendered: dict[str, Path]) -> None:
    summary = _calc(rendered, "edited", "Summary")
    count = next(r for r in summary if r[0] == "Priorities")
    assert count[1] == "4 set, 2 open (not done)"
    assert _listed(summary) == [
        ["Record ethnicity at registration", "Dr Asha Rao; done", "Health improvement programme", None]
        + [datetime(2026, 9, 30), datetime(2026, 6, 30)],
        ["Board champion for race equality", "Dr Patel; not started", "Clinical governance framework", None]
        + [datetime(2026, 3, 31), None],
        ["Community panel on services", "lead not named; done", "Patient and public involvement", None, None, None],
        ["Interpreters in every clinic", "Ms Khan; in progress", "Health improvement programme", None]
        + [datetime(2027, 1, 31), None],
    ]
    functions = _calc(rendered, "edited", "Functions")
    header = functions[0]
    health = header.index("Health improvement programme")
    typed = next(r for r in functions if r[0] == "Interpreters in every clinic")
    assert typed[health] == "Ms Khan"
    totals = next(r for r in functions if r[0] == "Priorities set in each")
    assert totals[health] == 1 + 1  # the edited one (done, still set) and the typed one
    sheet = load_workbook(rendered["edited.calc"])["Action plan"]
    # The spare row's own formats, kept by Calc: the date as the plan's other dates (not ###), the text wrapped.
    assert sheet["E6"].is_date and sheet["E6"].number_format.replace("\\", "") == "yyyy-mm-dd"  # Calc escapes -
    assert sheet["A6"].alignment.wrap_text and sheet["D6"].alignment.wrap_text


# Finding 5: a carried priority's status to update shows outside Compare; the Summary says what moved.
def test_a_carried_plan_says_to_update_on_the_plan_and_the_summary(rendered: dict[str, Path]) -> None:
    plan = records(load_workbook(rendered["compare.calc"], data_only=True)["Action plan"])
    assert {p["Carried"] for p in plan} == {"carried from 2025: update the status"}
    summary = _calc(rendered, "compare", "Summary")
    assert [r[1] for r in _listed(summary)] == [
        "Dr Asha Rao; in progress (carried from 2025: update the status)",
        "Chair; not started (carried from 2025: update the status)",
        "lead not named; done (carried from 2025: update the status)",
    ]
    facts = {r[0]: r[1] for r in summary if r[0]}
    assert facts["Carried forward"].startswith("3 carried from the last review; 3 with the status still to update")
    assert next(r for r in summary if r[0] == "Priorities")[1] == "3 set, 2 open (not done)"
    page = _summary_page(rendered, "compare")
    assert "Since last year Compared with 2025-03-01:" in page
