"""Many assessments merged, across two instrument versions, and compared with an earlier one."""

from __future__ import annotations

import statistics
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, RadarChart

from exports.merge import basis_for
from exports.workbook import export_workbook
from surveys.errors import StickError
from surveys.files.response_file import load_assessment, save_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.instruments.opening import open_assessment
from surveys.model.responses import Priority
from surveys.results.scoring import score
from tests.export_helpers import (
    ADDED,
    REMOVED,
    find_row,
    foreign_formulas,
    make,
    records,
    shown,
    values,
    version_two,
)


@pytest.fixture
def two_versions(tmp_path: Path) -> tuple[list[Path], Path]:
    v2_path, v2 = version_two(tmp_path)
    files = [
        make(tmp_path, "one.toml", respondent="Ann", pick=1),
        make(
            tmp_path,
            "two.toml",
            respondent="Bea",
            pick=3,
            priorities=[Priority(area="community", title="Listen better", lead="Cal", function="public-involvement")],
        ),
        make(tmp_path, "three.toml", respondent="Cy", pick=4, instrument=v2, instrument_file=v2_path.name),
    ]
    return files, tmp_path / "team.xlsx"


def test_basis_is_the_newest_version_cut_to_shared_questions(two_versions: tuple[list[Path], Path]) -> None:
    files, _ = two_versions
    instruments = [open_assessment(f).instrument for f in files]
    assert sorted(i.version for i in instruments) == [1, 1, 2]
    basis = basis_for(instruments)
    assert basis.instrument.version == 2 and basis.versions == (1, 2)
    assert REMOVED not in basis.shared and ADDED not in basis.shared
    assert len(basis.shared) == len(builtin_instrument().questions) - 1
    assert {(d.question, d.versions) for d in basis.differences} == {(REMOVED, (1,)), (ADDED, (2,))}
    # The cached built-in instrument is untouched by the cut.
    assert builtin_instrument().question(REMOVED) is not None


def test_team_sheet_from_two_versions(two_versions: tuple[list[Path], Path]) -> None:
    files, out = two_versions
    export_workbook(files, out)
    assert foreign_formulas(out) == []
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "Summary",
        "Results",
        "Action plan",
        "Functions",
        "Team",
        "Assessments",
        "Framework",
        "Responses",
        "Answers",
        "About",
        "Lists",
    ]
    # One row per assessment, one column per area, scored on the shared questions.
    people = wb["Assessments"]
    (table,) = people.tables.values()
    members = records(people)
    assert [m["Respondent"] for m in members] == ["Ann", "Bea", "Cy"]
    assert [c.name for c in table.tableColumns] == list(members[0])
    # Ann picked step 1, Bea 3, Cy 4 on every ladder question; comm-reach and comm-feedback are left out.
    assert [m["Community and patient involvement"] for m in members] == [1, 3, 4]
    assert [m["Version"] for m in members] == [1, 1, 2]
    assert {m["Organisation"] for m in members} == {"Riverside PCT"}
    ws = wb["Team"]
    rows = values(ws)
    stats = find_row(ws, "Community and patient involvement")
    assert stats[1:6] == [3, pytest.approx(statistics.fmean([1, 3, 4])), 1, 4, 3]
    # Adopters against Rogers: the reference curve, this team's shares and counts; and the chart over them.
    rogers = {a.label: a.share for a in builtin_instrument().adopters}
    for label, share in rogers.items():
        assert find_row(ws, label)[1] == share
    # Picks 1, 3 and 4 on the adopter question: innovators, early majority, late majority.
    assert [find_row(ws, a.label)[3] for a in builtin_instrument().adopters] == [1, 0, 1, 1, 0]
    assert find_row(ws, "Innovators")[2] == pytest.approx(33.3)
    bars = [c for c in ws._charts if isinstance(c, BarChart)]
    assert len(bars) == 4 and not [c for c in ws._charts if isinstance(c, RadarChart)]
    # Profiles counted per organisation: every profile of every dimension has a row.
    labels = {p.label for d in builtin_instrument().dimensions for p in d.profiles}
    profile_rows = [r for r in rows if r[0] == "Riverside PCT" and r[2] in labels]
    assert len(profile_rows) == 9 and sum(r[3] for r in profile_rows) >= 3 * 3
    # The merged plan by area: Bea's priority with its lead; the counts are live formulas.
    merged = [r for r in rows if r[0] == "Community and patient involvement" and r[1] == "Cal"]
    assert len(merged) == 1 and merged[0][2] == "Patient and public involvement"
    assert str(merged[0][3]).startswith("=SUMPRODUCT(") and str(merged[0][4]).startswith("=SUMPRODUCT(")


def test_action_plan_and_about_list_the_differences(two_versions: tuple[list[Path], Path]) -> None:
    files, out = two_versions
    export_workbook(files, out)
    wb = load_workbook(out)
    plan = records(wb["Action plan"])
    assert list(plan[0])[:3] == ["Organisation", "No.", "Respondent"]
    assert [r["No."] for r in plan] == sorted(r["No."] for r in plan)
    assert any(r["Respondent"] == "Bea" and r["Priority"] == "Listen better" and r["Suggested"] is None for r in plan)
    assert all(r["Suggested"] == "suggested" for r in plan if r["Respondent"] in ("Ann", "Cy"))
    about = [[shown(v) for v in r] for r in values(wb["About"])]
    listed = {r[0]: r[2] for r in about if r[0] in (REMOVED, ADDED)}
    assert listed == {REMOVED: "1", ADDED: "2"}
    assert [r[0] for r in about if r[0] in {f.name for f in files}] == [f.name for f in files]
    responses = records(wb["Responses"])
    per_person = {name: sum(1 for r in responses if r["Respondent"] == name) for name in ("Ann", "Cy")}
    assert per_person == {"Ann": 33, "Cy": 33}  # each against its own version: one question swapped


def test_summary_for_a_team_of_one_organisation(two_versions: tuple[list[Path], Path]) -> None:
    files, out = two_versions
    export_workbook(files, out)
    wb = load_workbook(out)
    ws = wb["Summary"]
    people = find_row(ws, "Respondents (3 assessments)")[1]
    assert people == "Ann (Equality lead); Bea (Equality lead); Cy (Equality lead)"
    assert find_row(wb["Results"], "Leadership")[2] == pytest.approx(statistics.fmean([1, 3, 4]))
    assert any("versions 1 and 2" in str(shown(v)) for r in values(wb["Results"]) for v in r)


def test_compare_earlier_with_now(tmp_path: Path) -> None:
    earlier = make(tmp_path, "2025.toml", pick=1, on=date(2025, 3, 1))
    now = make(tmp_path, "2026.toml", pick=3)
    out = tmp_path / "compare.xlsx"
    export_workbook([now], out, compare=earlier)
    wb = load_workbook(out)
    assert wb.sheetnames[:6] == ["Summary", "Results", "Action plan", "Functions", "Compare", "Framework"]
    ws = wb["Compare"]
    instrument = builtin_instrument()
    before = {a.area: a.score for a in score(instrument, load_assessment(earlier)).areas}
    after = {a.area: a.score for a in score(instrument, load_assessment(now)).areas}
    for area in instrument.areas:
        row = find_row(ws, area.label)
        assert row[1:3] == [before[area.id], after[area.id]]
        r = next(i for i, v in enumerate(values(ws), start=1) if v[0] == area.label)
        assert row[3] == f'=IF(OR(B{r}="",C{r}=""),"",C{r}-B{r})'
        assert row[4] == f'=IF(D{r}="","",IF(D{r}>0,"up",IF(D{r}<0,"down","same")))'
    (chart,) = ws._charts
    assert isinstance(chart, RadarChart) and len(chart.series) == 2
    names = [ws[s.tx.strRef.f.split("!")[1].replace("$", "")].value for s in chart.series]
    assert names == ["Earlier (2025-03-01)", "Now"]
    results_radar = next(c for c in wb["Results"]._charts if isinstance(c, RadarChart))
    assert len(results_radar.series) == 2  # the earlier outline on the Results radar too


def test_different_instruments_do_not_merge(tmp_path: Path) -> None:
    v2_path, v2 = version_two(tmp_path)
    text = v2_path.read_text(encoding="utf-8").replace('id = "race-equality-stick"', 'id = "other"', 1)
    other = tmp_path / "other.toml"
    other.write_text(text, encoding="utf-8")
    files = [make(tmp_path, "a.toml"), make(tmp_path, "b.toml", instrument=v2, instrument_file=v2_path.name)]
    b = load_assessment(files[1])
    save_assessment(files[1], replace(b, instrument_id="other", extra={**b.extra, "instrument_file": other.name}))
    out = tmp_path / "x.xlsx"
    with pytest.raises(StickError, match="not 'race-equality-stick' like the first file"):
        export_workbook(files, out)
    assert not out.exists()
    summary = export_workbook(files, out, skip_bad=True)
    assert summary.used == (files[0],) and summary.skipped[0][0] == files[1]
