"""Text from users is stored as that exact text: never a formula, an error or a mangled string."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from exports.cells import excel_text, register_styles, shown_text, text
from exports.workbook import export_workbook
from surveys.model.responses import Priority
from tests.export_helpers import foreign_formulas, formulas, hand_edited_note, make, records, shown, values

HOSTILE = [
    '=HYPERLINK("http://evil.example","x")',
    "=1+1",
    "+44 20 7946 0000",
    "-2",
    "@SUM(A1)",
    "\tTabbed",
    "\rCarriage",
    "#N/A",
    "#DIV/0!",
    "_x0041_ stays",
    "bell\x07 and nul-ish\x01",
    "a\r\nb",
    "  padded  ",
    "Urdu: نسلی مساوات",
    "emoji 🙂",
    "'quoted",
]


def test_hostile_user_text_survives_every_sheet(tmp_path: Path) -> None:
    priorities = [
        Priority(area="leadership", title=t, lead=t, function="business-plan", measure=t, target=date(2026, 1, 2))
        for t in HOSTILE
    ]
    first = make(
        tmp_path,
        "a.toml",
        organisation="=cmd|'/c calc'!A1",
        respondent="@Ann",
        notes={
            "lead-board": "=2*3",
            "lead-execs": "+1",
            "lead-priorities": "\rCR first",
        },
        priorities=priorities,
    )
    # Too long for a cell, so it goes on Notes; longer than stick writes, so it is a hand edit.
    hand_edited_note(first, "data-collect", "=HYPERLINK(" + "x" * 40000 + ")")
    second = make(tmp_path, "b.toml", respondent="-Bob", role="=Role")
    out = tmp_path / "hostile.xlsx"
    export_workbook([first, second], out, compare=second, force=True)
    assert foreign_formulas(out) == []
    wb = load_workbook(out)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # the export's own formulas: none carries a user's text
                    assert not any(h.strip() and h.strip() in str(cell.value) for h in HOSTILE[:5]), cell.value
                elif isinstance(cell.value, str):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
    plan = records(wb["Action plan"])
    assert [r["Priority"] for r in plan[: len(HOSTILE)]] == HOSTILE
    assert [r["Lead"] for r in plan[: len(HOSTILE)]] == HOSTILE
    assert [r["Measure"] for r in plan[: len(HOSTILE)]] == HOSTILE
    assert {r["Organisation"] for r in plan} == {"=cmd|'/c calc'!A1", "Riverside PCT"}
    responses = records(wb["Responses"])
    assert {"=2*3", "+1", "\rCR first"} <= {r["Note"] for r in responses}
    assert {r["Organisation"] for r in responses} == {"=cmd|'/c calc'!A1", "Riverside PCT"}
    assert {"@Ann", "-Bob"} == {r["Respondent"] for r in responses}
    people = records(wb["Assessments"])
    assert any(r["Respondent"] == "-Bob" and r["Role"] == "=Role" for r in people)
    assert {r["Organisation"] for r in people} == {"=cmd|'/c calc'!A1", "Riverside PCT"}
    summary = values(wb["Summary"])
    assert any(shown(r[1]) == "=cmd|'/c calc'!A1; Riverside PCT" for r in summary)
    team = [shown(v) for r in values(wb["Team"]) for v in r]
    assert "=cmd|'/c calc'!A1" in team
    parts = records(wb["Notes"])
    assert "".join(r["Text"] for r in parts) == "=HYPERLINK(" + "x" * 40000 + ")"
    assert wb["Notes"]["E2"].quotePrefix and wb["Notes"]["E2"].data_type == "s"
    answers = records(wb["Answers"])
    assert {r["Organisation"] for r in answers} == {"=cmd|'/c calc'!A1", "Riverside PCT"}


def test_risky_text_is_quote_prefixed(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    register_styles(wb)
    ws = wb.create_sheet("S")
    ws.append([text(ws, "=1+1"), text(ws, "plain"), text(ws, "-1"), text(ws, "#N/A")])
    path = tmp_path / "q.xlsx"
    wb.save(path)
    row = load_workbook(path)["S"][1]
    assert [c.value for c in row] == ["=1+1", "plain", "-1", "#N/A"]
    assert [c.data_type for c in row] == ["s", "s", "s", "s"]
    assert [bool(c.quotePrefix) for c in row] == [True, False, True, False]


# Any text a TOML string can hold: every code point but the surrogates.
user_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strings=st.lists(user_text, min_size=1, max_size=8))
def test_any_user_string_is_stored_as_that_exact_text(tmp_path: Path, strings: list[str]) -> None:
    wb = Workbook(write_only=True)
    register_styles(wb)
    ws = wb.create_sheet("S")
    for s in strings:
        ws.append([text(ws, s)])
    path = tmp_path / "p.xlsx"
    wb.save(path)
    assert formulas(path) == []
    cells = [row[0] for row in load_workbook(path)["S"].iter_rows()]
    for s, cell in zip(strings, cells, strict=True):
        if s == "":
            assert cell.value in (None, "")
            continue
        assert cell.data_type == "s"
        assert shown_text(cell.value) == s


@given(user_text)
def test_excel_text_round_trips(value: str) -> None:
    stored = excel_text(value)
    assert shown_text(stored) == value
    assert not re.search(r"[\x00-\x08\x0b\x0c\r\x0e-\x1f]", stored)


def test_long_text_is_cut_to_the_cell_limit_without_breaking_an_escape() -> None:
    stored = excel_text("\x01" * 40000)
    assert len(stored) <= 32767
    assert set(shown_text(stored)) == {"\x01"}


# What a person can type into the app or a response file: no NUL (the file reader refuses it).
typed = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1, max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(organisation=typed, respondent=typed, note=typed, lead=typed, measure=typed)
def test_user_text_comes_out_of_an_export_exactly(
    tmp_path_factory: object,
    organisation: str,
    respondent: str,
    note: str,
    lead: str,
    measure: str,
) -> None:
    folder = tmp_path_factory.mktemp("p")  # type: ignore[attr-defined]
    plan = Priority(area="data", title=measure, lead=lead, function="saff", measure=measure)
    source = make(
        folder,
        "a.toml",
        organisation=organisation,
        respondent=respondent,
        notes={"data-collect": note},
        priorities=[plan],
    )
    out = folder / "a.xlsx"
    export_workbook([source], out)
    assert foreign_formulas(out) == []
    wb = load_workbook(out)
    summary = {shown(r[0]): shown(r[1]) for r in values(wb["Summary"]) if r[0] is not None}
    assert summary["Organisation"] == organisation
    assert summary["Respondent"] == f"{respondent} (Equality lead)"
    row = records(wb["Action plan"])[0]
    assert [row["Priority"], row["Lead"], row["Measure"]] == [measure, lead, measure]
    responses = records(wb["Responses"])
    assert note in {r["Note"] for r in responses}
    assert {r["Organisation"] for r in responses} == {organisation}
    assert {r["Respondent"] for r in responses} == {respondent}
    assert records(wb["Answers"])[0]["Organisation"] == organisation
    # Functions shows the lead through a formula over the Action plan: the lead's cell holds the text.
    functions = values(wb["Functions"])
    crossing = functions[1][functions[0].index("Service and financial framework (SaFF)")]
    assert crossing == (  # the same formula whatever the lead is: it refers to the lead's cell
        "=IF('Action plan'!$C$2=E$1,IF('Action plan'!$D$2=\"\",IF('Action plan'!$I$2=\"suggested\","
        '"no lead: suggested","lead not named"),\'Action plan\'!$D$2),"")'
    )
