"""EDS 2022 and a minimal check export without error and with none of the deck's words (the workbook's
framework parts are rewritten elsewhere; this pins only that a format 2 instrument exports cleanly)."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from exports.workbook import export_workbook
from surveys.instruments.instrument_file import builtin_instrument
from surveys.instruments.opening import INSTRUMENT_FILE_KEY, open_assessment
from surveys.model.responses import new_assessment
from surveys.model.vocabulary import heading, vocabulary
from tests.example import MINIMAL, example_text
from tests.format2_support import deck_words, saved, scored

EDS = builtin_instrument("eds2022")


def _all_words(workbook: Path) -> str:
    """Every cell and every chart title: what a planning team reads."""
    wb = load_workbook(workbook)
    cells = [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    with zipfile.ZipFile(workbook) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/")]
    return "\n".join([*wb.sheetnames, *cells, *charts])


def test_eds_exports_one_a_team_and_a_comparison_in_its_own_words(tmp_path: Path) -> None:
    one = saved(tmp_path, scored(EDS, [3, 3, 3, 2, 3, 2, 3, 2, 3, 2, 2], {"1a": "Interpreting audit"}), "one.toml")
    last_year = scored(EDS, [1] * 11)
    two = saved(tmp_path, replace(last_year, date=date(last_year.date.year - 1, 12, 1)), "two.toml")
    for name, files, compare in (("one", [one], None), ("team", [one, two], None), ("cmp", [one], two)):
        out = tmp_path / f"{name}.xlsx"
        export_workbook(files, out, compare=compare)
        words = _all_words(out)
        assert deck_words(words) == [], name
        assert "Rogers" not in words and "step 1-4" not in words and "race equality" not in words, name
        assert "scores 0 to 3" in words, name


def test_eds_summary_gives_the_total_its_band_and_each_domains_total(tmp_path: Path) -> None:
    # 3+3+3+2 / 3+2+3+2 / 3+2+2: domains 11 of 12, 10 of 12, 7 of 9; 28 of 33 is Achieving.
    one = saved(tmp_path, scored(EDS, [3, 3, 3, 2, 3, 2, 3, 2, 3, 2, 2]), "one.toml")
    out = tmp_path / "one.xlsx"
    export_workbook([one], out)
    summary = [
        [str(v) for v in row if v is not None] for row in load_workbook(out)["Summary"].iter_rows(values_only=True)
    ]
    said = {row[0]: row[1] for row in summary if len(row) >= 2}
    overall = said[heading(vocabulary(EDS).overall)]
    assert overall.startswith("28 of 33") and "Achieving activity" in overall
    domains = [label for label in said if label.startswith("Domain")]
    assert [said[d] for d in domains] == ["11 of 12", "10 of 12", "7 of 9"]


def test_a_minimal_check_exports(tmp_path: Path) -> None:
    (tmp_path / "rag.toml").write_text(example_text(MINIMAL), encoding="utf-8")
    blank = new_assessment("Northfield", "Ann", "", "rag-check", 1, extra={INSTRUMENT_FILE_KEY: "rag.toml"})
    path = saved(tmp_path, blank)
    answered = replace(
        scored(open_assessment(path).instrument, [2, 2, 1, 1, 0, 2]), extra={INSTRUMENT_FILE_KEY: "rag.toml"}
    )
    saved(tmp_path, answered, path.name)
    out = tmp_path / "rag.xlsx"
    export_workbook([path], out)
    assert deck_words(_all_words(out)) == []


def test_eds_bands_on_the_summary_for_all_0s_1s_2s_and_3s(tmp_path: Path) -> None:
    words = heading(vocabulary(EDS).overall)
    for value, total, band in (
        (0, 0, "Underdeveloped"),
        (1, 11, "Developing"),
        (2, 22, "Achieving"),
        (3, 33, "Excelling"),
    ):
        path = saved(tmp_path, scored(EDS, [value] * 11), f"all-{value}.toml")
        out = tmp_path / f"all-{value}.xlsx"
        export_workbook([path], out)
        rows = [[str(v) for v in r if v is not None] for r in load_workbook(out)["Summary"].iter_rows(values_only=True)]
        said = {r[0]: r[1] for r in rows if len(r) >= 2}
        assert said[words].startswith(f"{total} of 33") and band in said[words], (value, said[words])
