"""What a planning team saw in the workbooks (issue 13), each as a check.

Every test here failed on the workbook as it was before; the LibreOffice
renderings (page counts, recalculated formulas) are in test_export_render.py.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.chart import RadarChart

from exports.cells import HEADER, NUMBER_HEADER
from exports.layout import print_scale
from exports.workbook import export_workbook
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import Priority
from tests.deck_terms import DECK_TERMS
from tests.export_helpers import hand_edited_note, make, records, shown, values

ORGS = ("Riverside PCT", "Hillside PCT", "Valley PCT")
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


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("findings")
    one = make(folder, "one.toml", priorities=[PLAN], notes={"lead-board": "Board met twice"}, unsure=["data-hip"])
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
    out = {name: folder / f"{name}.xlsx" for name in ("one", "team", "compare")}
    export_workbook([one], out["one"])
    export_workbook(team, out["team"])
    export_workbook([now], out["compare"], compare=earlier)
    return out


def _numeric(cell: Any) -> bool:
    if isinstance(cell.value, bool):
        return False
    if isinstance(cell.value, (int, float, datetime)):
        return True
    return cell.data_type == "f" and cell.style in {"stick count", "stick score", "stick percent", "stick change"}


def test_numbers_sit_under_their_own_headers_and_every_cell_is_top_aligned(books: dict[str, Path]) -> None:
    checked = 0
    for path in books.values():
        wb = load_workbook(path)
        for ws in wb.worksheets:
            rows = list(ws.iter_rows())
            for r, row in enumerate(rows):
                for cell in row:
                    if cell.style not in (HEADER, NUMBER_HEADER) or not cell.value:
                        continue
                    below = [
                        rows[i][cell.column - 1]
                        for i in range(r + 1, min(r + 4, len(rows)))
                        if len(rows[i]) >= cell.column
                    ]
                    if below and _numeric(below[0]):
                        checked += 1
                        where = (path.name, ws.title, cell.coordinate, cell.value)
                        assert cell.alignment.horizontal == "right", where
                        assert below[0].alignment.horizontal == "right", where
        for title in (
            "Responses",
            "Action plan",
            "Functions",
            "Answers",
            *(["Assessments"] if path.stem == "team" else []),
        ):
            for row in wb[title].iter_rows(min_row=2):
                for cell in row:
                    if cell.value is not None:
                        assert cell.alignment.vertical == "top", (path.name, title, cell.coordinate, cell.value)
    assert checked > 40


def test_a_team_workbook_names_each_organisation_and_never_pools_them(books: dict[str, Path]) -> None:
    wb = load_workbook(books["team"])
    for title in ("Action plan", "Responses", "Assessments", "Answers"):
        assert {r["Organisation"] for r in records(wb[title])} == set(ORGS), title
    assert values(wb["Functions"])[0][0] == "Organisation"
    team = values(wb["Team"])
    header_at = next(i for i, r in enumerate(team) if r[0] == "Organisation" and r[1] == "Assessments")
    dims = [d.label for d in builtin_instrument().dimensions]
    org_rows = {r[0]: r for r in team[header_at + 1 : header_at + 4]}
    assert set(org_rows) == set(ORGS)
    counts = [r for r in team if r[0] in ORGS and r[1] in dims and isinstance(r[3], int)]
    for org, row in org_rows.items():
        for d_index, dim in enumerate(dims):
            placed = {r[2]: r[3] for r in counts if r[0] == org and r[1] == dim}
            words = row[2 + d_index]
            best = max(placed.values())
            # The placement states its count, and it is the highest count beside it.
            assert re.search(rf"\(({best}) of {row[1]} assessments?( each)?\)$", words), (org, dim, words, placed)
            assert all(label in words for label, n in placed.items() if n == best)
    prose = " ".join(str(v) for r in team for v in r if isinstance(v, str))
    assert "more than 100%" in prose and "never pooled" in prose
    summary = values(wb["Summary"])
    assert not any(r[0] in dims for r in summary)  # no single placement for three organisations
    assert {f"{o} ({n})" for o, n in zip(ORGS, (3, 3, 2), strict=True)} <= {r[0] for r in summary}


def test_set_and_suggested_are_counted_apart_and_duplicates_flagged(books: dict[str, Path]) -> None:
    wb = load_workbook(books["team"])
    plan = records(wb["Action plan"])
    same = {r["No."]: r["Same as"] for r in plan if r["Priority"] == PLAN.title}
    # Person 1 (Hillside), 3 (Riverside), 5 (Valley), 7 (Hillside): numbers 2, 4, 6, 8.
    assert same == {2: "also No. 8", 4: None, 6: None, 8: "also No. 2"}
    team = values(wb["Team"])
    names = next(r for r in team if r[0] == "Organisation" and r[1] == "Assessments")
    assert names[-2:] == ["Set", "Suggested"]
    functions = values(wb["Functions"])
    set_row = next(r for r in functions if r[2] == "Priorities set in each")
    suggested_row = next(r for r in functions if r[2] == "Suggested, not yet set")
    assert all('<>"suggested"' in str(v) for v in set_row[4:-1])
    assert all('="suggested"' in str(v) for v in suggested_row[4:-1])


def test_compare_shows_direction_the_earlier_plan_and_changed_answers_in_one_colour_scheme(
    books: dict[str, Path],
) -> None:
    wb = load_workbook(books["compare"])
    ws = wb["Compare"]
    rows = values(ws)
    assert ["Area", "Earlier (2025-03-01)", "Now", "Change", "Direction"] in [r[:5] for r in rows]
    texts = [shown(v) for r in rows for v in r if isinstance(v, str)]
    assert "The earlier plan's priorities, and what became of them" in texts
    assert "not in the plan now" in texts
    changed = next(t for t in texts if t.startswith("Answers that changed"))
    assert re.fullmatch(r"Answers that changed \((\d+) of 33 questions\)", changed) and "(0 of" not in changed
    for title in ("Compare", "Results"):
        (chart,) = [c for c in wb[title]._charts if isinstance(c, RadarChart)]
        lines = {
            wb[title][s.tx.strRef.f.split("!")[1].replace("$", "")].value: s.graphicalProperties.line
            for s in chart.series
        }
        earlier = lines["Earlier (2025-03-01)"]
        now = next(line for name, line in lines.items() if name != "Earlier (2025-03-01)")
        assert (_rgb(now), now.prstDash) == ("1F4E78", "solid"), title
        assert (_rgb(earlier), earlier.prstDash) == ("A6A6A6", "dash"), title


def _rgb(line: Any) -> str:
    colour = line.solidFill.srgbClr
    return str(getattr(colour, "val", colour))


def test_every_sheet_prints_one_page_wide_readably_saying_whose_it_is(books: dict[str, Path]) -> None:
    reading = {"Summary", "Results", "Action plan", "Functions", "Team", "Compare", "Framework", "About"}
    for name, path in books.items():
        wb = load_workbook(path)
        for ws in wb.worksheets:
            setup = (name, ws.title)
            assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9, setup
            assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1, setup
            org = "3 organisations" if name == "team" else "Riverside PCT"
            assert ws.oddHeader.left.text == org and ws.oddFooter.left.text == org, setup
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", ws.oddHeader.right.text or ""), setup
            if ws.title in reading:
                widths = [ws.column_dimensions[c].width for c in ws.column_dimensions if ws.column_dimensions[c].width]
                assert print_scale(widths) >= 0.65, (setup, print_scale(widths))
            if ws.title in {"Action plan", "Responses", "Functions", "Answers", "Assessments"}:
                assert ws.print_title_rows in ("1:1", "$1:$1"), setup
        # Charts start on a page of their own, a row below its top, so none is cut in two nor edged on the page before.
        for title in ("Results", "Team", "Compare"):
            if title not in wb.sheetnames:
                continue
            ws = wb[title]
            breaks = {b.id for b in ws.row_breaks.brk}
            first_chart = min(c.anchor._from.row for c in ws._charts)  # 0-based row of the anchor
            assert first_chart - 1 in breaks, (name, title, breaks, first_chart)
    summary = load_workbook(books["one"])["Summary"]
    assert summary.page_setup.fitToHeight == 1 and summary.print_area is not None


def test_responses_can_be_pivoted_and_long_text_is_never_cut_silently(tmp_path: Path) -> None:
    huge = "word " * 8000 + "THE END"  # 40,007 characters: more than a cell holds
    long = "line of a long note " * 150 + "LAST WORDS"  # fits a cell, not a row of 409 points
    source = make(tmp_path, "a.toml", notes={"lead-execs": long}, unsure=["data-hip"])
    hand_edited_note(source, "lead-board", huge)  # stick caps the notes it writes: this one is a hand edit
    out = tmp_path / "a.xlsx"
    export_workbook([source], out)
    wb = load_workbook(out)
    rows = {r["Question ID"]: r for r in records(wb["Responses"])}
    for column in ("Organisation", "Question ID", "Kind", "Dimension or area", "Option", "Step"):
        assert column in rows["lead-board"]
    assert rows["data-hip"]["Don't know"] is True and rows["lead-board"]["Don't know"] is False
    notes = records(wb["Notes"])
    for qid, text in (("lead-board", huge), ("lead-execs", long)):
        cell = rows[qid]["Note"]
        assert "[cut here: the whole text" in cell and text[:100] in cell, qid
        first = int(re.search(r"from row (\d+)", cell).group(1))  # type: ignore[union-attr]
        parts = [r for r in notes if r["Question ID"] == qid]
        assert "".join(r["Text"] for r in parts) == text
        assert values(wb["Notes"])[first - 1][2] == qid
        assert all(len(r["Text"]) <= 2400 for r in parts)


def _all_text(path: Path) -> str:
    wb = load_workbook(path)
    return "\n".join(
        str(shown(v)) for ws in wb.worksheets for r in ws.iter_rows(values_only=True) for v in r if v is not None
    )


def test_a_complete_assessment_workbook_holds_the_whole_framework(books: dict[str, Path]) -> None:
    found = _all_text(books["one"]).casefold()
    missing = [t for t in DECK_TERMS if not re.search(rf"(?<!\w){re.escape(t.casefold())}(?!\w)", found)]
    assert missing == []
    # The fits of the three unrelated dimensions are never joined into one polygon.
    for ws in load_workbook(books["one"]).worksheets:
        for chart in ws._charts:
            if isinstance(chart, RadarChart):
                first, last = (int(x) for x in re.findall(r"\$(\d+)", chart.series[0].val.numRef.f))
                labels = {ws.cell(row, 1).value for row in range(first, last + 1)}
                assert labels <= {a.label for a in builtin_instrument().areas}, ws.title


def test_the_small_things(books: dict[str, Path]) -> None:
    for path in books.values():
        wb = load_workbook(path)
        plan = wb["Action plan"]
        validations = plan.data_validations.dataValidation
        assert validations and all(dv.showInputMessage for dv in validations)
        assert {dv.type for dv in validations} == {"list", "date"}
        assert {"BusinessFunctions", "Statuses", "PrincipleChecks"} <= set(wb.defined_names)
        assert wb["Lists"].sheet_state == "hidden"
        about = values(wb["About"])
        made = next(r[1] for r in about if r[0] == "Made on")
        assert isinstance(made, datetime)
        described = {r[0] for r in about if r[0] in {"Team", "Compare", "Assessments", "Notes"}}
        assert described == {t for t in ("Team", "Compare", "Assessments", "Notes") if t in wb.sheetnames}
        assert wb.properties.creator == "stick" and wb.properties.title
        summary_dates = [v for r in values(wb["Summary"])[:8] for v in r if isinstance(v, datetime)]
        assert summary_dates, path.name


def test_an_instrument_without_the_decks_parts_gets_a_sensible_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 16 makes the framework's tables optional in instrument files; until then, build one in code.
    from dataclasses import replace

    from exports.merge import InstrumentCache, restricted

    deck = builtin_instrument()
    kept = {q.id for q in deck.questions if q.kind == "ladder" or q.kind == "text"}
    bare = replace(
        restricted(deck, kept),
        levels=(),
        dimensions=(),
        adopters=(),
        principles=(),
        commission=(),
        functions=(),
    )
    monkeypatch.setattr(InstrumentCache, "load", lambda self, path: bare)
    files = [make(tmp_path, f"{n}.toml", respondent=n, instrument=bare) for n in ("Ann", "Bea")]
    for name, chosen in (("one", files[:1]), ("team", files)):
        out = tmp_path / f"{name}.xlsx"
        export_workbook(chosen, out, instrument=tmp_path / "bare.toml")
        wb = load_workbook(out)
        assert "Functions" not in wb.sheetnames, name
        summary = wb["Summary"]
        assert not summary._charts  # no adopter categories: no Rogers' curve
        texts = {str(v) for r in values(summary) for v in r if v is not None}
        assert not any("dimension" in t or "Adopter" in t for t in texts), texts
        assert "Step reached" in texts
        plan = values(wb["Action plan"])[0]
        assert "Business function" not in plan and "Reviewable" not in plan
        framework = [str(r[0]) for r in values(wb["Framework"]) if r[0]]
        assert not any(t.startswith(("Dimension", "Adopter", "The commission", "Mainstreaming")) for t in framework)
        assert any(t.startswith("Steps to competence") for t in framework)
        assert {dv.formula1 for dv in wb["Action plan"].data_validations.dataValidation} == {
            "Areas",
            "Statuses",
            "DATE(2000,1,1)",
        }


def test_every_framework_heading_word_comes_from_the_vocabulary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    from surveys.model.vocabulary import Vocabulary

    renamed = Vocabulary(
        area="domain",
        areas="domains",
        step="rung",
        steps="rungs",
        ladder="capability",
        transition="move",
        dimension="axis",
        dimensions="axes",
        profile="type",
        profiles="types",
        adopter="uptake group",
        adopters="uptake groups",
        function="plan",
        functions="plans",
        principle="rule",
        principles="rules",
        priority="aim",
        priorities="aims",
    )
    for name in (
        "board",
        "results",
        "plan",
        "functions",
        "team",
        "compare",
        "framework",
        "responses",
        "assessments",
        "lists",
    ):
        monkeypatch.setattr(importlib.import_module(f"exports.sheets_{name}"), "vocabulary", lambda instrument: renamed)
    for module in (
        "exports.board_plan",
        "exports.figure_words",
        "exports.sheets_results_orgs",
        "exports.sheets_team_plan",
    ):
        monkeypatch.setattr(importlib.import_module(module), "vocabulary", lambda instrument: renamed)
    files = [make(tmp_path, f"{n}.toml", respondent=n, priorities=[PLAN]) for n in ("Ann", "Bea")]
    earlier = make(tmp_path, "early.toml", on=date(2025, 1, 1))
    export_workbook(files, tmp_path / "team.xlsx", compare=earlier, force=True)
    export_workbook(files[:1], tmp_path / "one.xlsx", compare=earlier)
    deck = builtin_instrument()
    own = {p.label for p in deck.principles} | {f.label for f in deck.functions} | {a.label for a in deck.areas}
    own |= {q.id for q in deck.questions}  # the Answers matrix is headed by question ids
    words = re.compile(
        r"\b(adopters?|business functions?|profiles?|dimensions?|priorit(y|ies)|steps?|principles?|areas?)\b", re.I
    )
    seen = 0
    for path in (tmp_path / "team.xlsx", tmp_path / "one.xlsx"):
        for ws in load_workbook(path).worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.style in (HEADER, NUMBER_HEADER, "stick heading") and isinstance(cell.value, str):
                        seen += 1
                        if cell.value not in own:
                            assert not words.search(cell.value), (path.name, ws.title, cell.coordinate, cell.value)
    assert seen > 100
