"""Every kind of workbook rendered by LibreOffice, as a planning team prints and opens it.

One assessment, a team of 8 from 3 organisations, a comparison, a merge of
200 files from 6 organisations and an EDS 2022 team of 6 are converted to PDF
in one soffice run (one run for many files is far faster than one each), with
a private profile in a temp folder, and each PDF is read once for every test.
The pages are counted per sheet from the footer ("Summary: page 1 of N"), and
every printed word must be one the workbook holds: a word broken across two
lines or cut at a cell's edge prints as pieces it does not hold. The
formulas are checked after LibreOffice has recalculated them: the workbooks
are converted to xlsx by soffice and read back with openpyxl's cached values,
once as exported and once after a planner's edit of the Action plan.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exports.workbook import export_workbook
from surveys.instruments.instrument_file import builtin_instrument
from tests.export_helpers import make, records, values
from tests.format2_support import saved, scored
from tests.print_checks import pdf_pages, split_words

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are needed to render workbooks",
)

ORGS = ("Riverside PCT", "Hillside PCT", "Valley PCT")
SIX = (*ORGS, "Southbank PCT", "Northgate PCT", "Eastwood PCT")
KINDS = ("one", "team", "compare", "many", "eds-team")
SHEETS = (
    "Summary",
    "Results",
    "Action plan",
    "Functions",
    "Team",
    "Assessments",
    "Compare",
    "Framework",
    "Responses",
    "Answers",
    "Notes",
    "About",
)
_FOOTER = re.compile(r"(" + "|".join(SHEETS) + r"): page \d+ of \d+")


def _soffice(kind: str, files: list[Path], outdir: Path, profile: Path) -> None:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            kind,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        capture_output=True,
        timeout=400,
        check=True,
    )


def _plan_edit(source: Path, target: Path) -> None:
    """What a planner does: move the priority to another function and mark it done."""
    wb = load_workbook(source)
    ws = wb["Action plan"]
    ws["C2"] = "Clinical governance framework"
    ws["H2"] = "done"
    wb.save(target)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("render")
    from tests.test_export_findings import PLAN

    one = make(folder, "one.toml", priorities=[PLAN], notes={"lead-board": "Board met twice"})
    team = [
        make(
            folder,
            f"t{n}.toml",
            respondent=f"Person {n}",
            organisation=ORGS[n % 3],
            pick=1 + n % 4,
            priorities=[PLAN] if n % 2 else (),
        )
        for n in range(8)
    ]
    earlier = make(folder, "early.toml", pick=1, on=date(2025, 3, 1), priorities=[PLAN])
    now = make(folder, "now.toml", pick=3)
    many = [
        make(
            folder,
            f"m{n}.toml",
            respondent=f"R{n}",
            organisation=SIX[n % 6],
            pick=1 + n % 4,
            priorities=[PLAN] if n % 7 == 0 else (),
        )
        for n in range(200)
    ]
    eds = builtin_instrument("eds2022")
    raters = [scored(eds, [(n + k) % 4 for k in range(11)]) for n in range(6)]
    eds_team = [saved(folder, replace(a, respondent=f"Rater {n}"), f"eds{n}.toml") for n, a in enumerate(raters)]
    books = {name: folder / f"{name}.xlsx" for name in KINDS}
    export_workbook([one], books["one"])
    export_workbook(team, books["team"])
    export_workbook([now], books["compare"], compare=earlier)
    export_workbook(many, books["many"])
    export_workbook(eds_team, books["eds-team"])
    books["edited"] = folder / "edited.xlsx"
    _plan_edit(books["one"], books["edited"])
    pdfs, recalculated, profile = folder / "pdf", folder / "recalculated", folder / "lo-profile"
    _soffice("pdf", [books[k] for k in KINDS], pdfs, profile)
    _soffice("xlsx", [books[k] for k in ("one", "team", "compare", "edited")], recalculated, profile)
    out = {f"{k}.xlsx": v for k, v in books.items()}
    out |= {f"{k}.pdf": pdfs / f"{k}.pdf" for k in KINDS}
    out |= {f"{k}.calc": recalculated / f"{k}.xlsx" for k in ("one", "team", "compare", "edited")}
    return out


@pytest.fixture(scope="module")
def printed(rendered: dict[str, Path]) -> dict[str, list[str]]:
    """Each PDF's pages as text, read once for every test."""
    return {kind: pdf_pages(rendered[f"{kind}.pdf"]) for kind in KINDS}


def _sheet_of(page: str) -> str:
    found = _FOOTER.search(page)
    assert found is not None, page[-300:]
    return found.group(1)


@pytest.mark.parametrize("kind", KINDS)
def test_pages_per_sheet_and_the_summary_on_exactly_one(
    rendered: dict[str, Path], printed: dict[str, list[str]], kind: str
) -> None:
    pages = printed[kind]
    counts = Counter(_sheet_of(p) for p in pages)
    sheets = [s for s in load_workbook(rendered[f"{kind}.xlsx"], read_only=True).sheetnames if s != "Lists"]
    assert list(counts) == sheets  # every sheet prints, in order; the hidden Lists never does
    assert counts["Summary"] == 1
    # Results: its tables, then the radar on a page of its own and the dimensions' bars on the next.
    # Team: each organisation's own spread and plan (never pooled) take a block each: 6 organisations take more.
    limits = {"Results": 4, "Team": 16 if kind == "many" else 10, "Compare": 6, "Framework": 7}
    for sheet, most in limits.items():
        assert counts.get(sheet, 0) <= most, (kind, sheet, counts)
    who = {"team": "3 organisations", "many": "6 organisations", "eds-team": "Northfield NHS Trust"}.get(
        kind, "Riverside PCT"
    )
    for page in pages:
        assert who in page and re.search(r"\d{4}-\d{2}-\d{2}", page), page[:200]


@pytest.mark.parametrize("kind", ["one", "team", "many", "eds-team"])
def test_no_sheet_spills_columns_onto_extra_pages(
    rendered: dict[str, Path], printed: dict[str, list[str]], kind: str
) -> None:
    # Tables repeat their header row on every page: a page of spilled columns would lack the first header.
    wb = load_workbook(rendered[f"{kind}.xlsx"], read_only=True)
    first_headers = {s: str(next(wb[s].iter_rows(max_row=1, values_only=True))[0]) for s in wb.sheetnames}
    tables = {"Action plan", "Functions", "Responses", "Answers", "Assessments"}
    for page in printed[kind]:
        sheet = _sheet_of(page)
        if sheet in tables:
            body = page.split("\n", 1)[-1]  # below the page header, which names the organisation
            assert re.search(rf"(?<!\w){re.escape(first_headers[sheet])}(?!\w)", body), (kind, sheet, page[:300])


@pytest.mark.parametrize("kind", KINDS)
def test_no_word_is_split_across_lines_or_cut_at_a_cells_edge(
    rendered: dict[str, Path], printed: dict[str, list[str]], kind: str
) -> None:
    split = split_words(rendered[f"{kind}.xlsx"], printed[kind])
    if kind == "many":
        # Past WRAP_UP_TO files the Responses sheet is a listing of plain cells, cut at their edges on purpose.
        split.pop("Responses", None)
    assert split == {}


def test_both_booleans_print_as_true_or_false(printed: dict[str, list[str]]) -> None:
    responses = [p for p in printed["one"] if _sheet_of(p) == "Responses"]
    rows = [
        line for page in responses for line in page.splitlines() if re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", line)
    ]
    assert rows and all(re.search(r"(TRUE|FALSE)\s+(TRUE|FALSE)", line) for line in rows), rows[:3]


def test_libreoffice_computes_the_live_counts(rendered: dict[str, Path]) -> None:
    ws = load_workbook(rendered["one.calc"], data_only=True)["Functions"]
    rows = values(ws)
    header = rows[0]
    health, governance = header.index("Health improvement programme"), header.index("Clinical governance framework")
    assert rows[1][health] == "Dr Asha Rao" and rows[1][governance] in (None, "")
    totals = next(r for r in rows if r[0] == "Priorities set in each")
    assert totals[health] == 1 and sum(v for v in totals[2:] if isinstance(v, (int, float))) == 1
    statuses = {r[0]: r[1] for r in rows if r[0] in ("in progress", "done", "All set priorities (dropped left out)")}
    assert statuses == {"in progress": 1, "done": 0, "All set priorities (dropped left out)": 1}


def test_counts_follow_a_planners_edit(rendered: dict[str, Path]) -> None:
    ws = load_workbook(rendered["edited.calc"], data_only=True)["Functions"]
    rows = values(ws)
    header = rows[0]
    health, governance = header.index("Health improvement programme"), header.index("Clinical governance framework")
    assert rows[1][governance] == "Dr Asha Rao" and rows[1][health] in (None, "")
    totals = next(r for r in rows if r[0] == "Priorities set in each")
    assert totals[governance] == 1 and totals[health] == 0
    statuses = {r[0]: r[1] for r in rows if r[0] in ("in progress", "done")}
    assert statuses == {"in progress": 0, "done": 1}


def test_libreoffice_computes_the_team_counts(rendered: dict[str, Path]) -> None:
    wb = load_workbook(rendered["team.calc"], data_only=True)
    plan = records(load_workbook(rendered["team.xlsx"])["Action plan"])
    team = values(wb["Team"])
    at = next(i for i, r in enumerate(team) if r[0] == "Organisation" and r[1] == "Assessments")
    for row in team[at + 1 : at + 4]:
        mine = [p for p in plan if p["Organisation"] == row[0]]
        assert row[-2:] == [
            sum(1 for p in mine if p["Suggested"] is None),
            sum(1 for p in mine if p["Suggested"] == "suggested"),
        ], row[0]
    people = records(wb["Assessments"])
    assert [p["Priorities set"] for p in people] == [n % 2 for n in range(8)]


def test_libreoffice_computes_the_change_and_its_direction(rendered: dict[str, Path]) -> None:
    rows = values(load_workbook(rendered["compare.calc"], data_only=True)["Compare"])
    areas = [r for r in rows if isinstance(r[1], (int, float)) and isinstance(r[2], (int, float))]
    assert len(areas) == 7
    for r in areas:
        assert r[3] == pytest.approx(r[2] - r[1]) and r[4] == ("up" if r[3] > 0 else "down" if r[3] < 0 else "same")
    assert {r[4] for r in areas} == {"up"}
