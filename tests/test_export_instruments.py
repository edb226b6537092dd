"""Which instrument a file is read with, and the progress bar of long exports."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exports.merge import InstrumentCache, open_one
from exports.sheets_responses import NOT_IN_INSTRUMENT
from exports.workbook import export_workbook
from surveys.errors import InstrumentError
from surveys.instruments.instrument_file import builtin_instrument
from surveys.instruments.opening import open_assessment
from tests.export_helpers import ADDED, column, make, values, version_two
from tui.cmd_export import ProgressBar


def test_recorded_copy_of_the_builtin_wins_over_the_builtin(tmp_path: Path) -> None:
    # A team's copy keeps the built-in id and raises the version: its files must use the copy.
    v2_path, v2 = version_two(tmp_path)
    path = make(tmp_path, "a.toml", instrument=v2, instrument_file=v2_path.name)
    opened = open_assessment(path)
    assert opened.instrument.version == 2 and opened.instrument.question(ADDED) is not None


def test_missing_recorded_copy_falls_back_to_the_builtin_only_for_builtin_files(tmp_path: Path) -> None:
    _, v2 = version_two(tmp_path)
    builtin_file = make(tmp_path, "a.toml", instrument_file="gone.toml")
    assert open_assessment(builtin_file).instrument == builtin_instrument()
    v2_file = make(tmp_path, "b.toml", instrument=v2, instrument_file="gone.toml")
    with pytest.raises(InstrumentError, match=r"gone\.toml"):  # the built-in is another version
        open_assessment(v2_file)


def test_instrument_files_are_loaded_once_per_export(tmp_path: Path) -> None:
    v2_path, v2 = version_two(tmp_path)
    files = [make(tmp_path, f"{n}.toml", instrument=v2, instrument_file=v2_path.name) for n in range(3)]
    cache = InstrumentCache()
    opened = [open_one(f, None, cache) for f in files]
    assert len(cache.loaded) == 1
    assert opened[0].instrument is opened[2].instrument


def test_progress_bar_draws_and_clears() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar(1, 4)
    bar(2, 4)  # too soon after the last: skipped
    bar(4, 4)  # the end is always drawn
    bar.close()
    drawn = stream.getvalue().split("\r")
    assert "1/4" in drawn[1] and "2/4" not in stream.getvalue() and "4/4" in drawn[2]
    assert drawn[-1] == "" and drawn[-2].strip() == ""


def test_export_with_an_explicit_instrument(tmp_path: Path) -> None:
    v2_path, v2 = version_two(tmp_path)
    files = [make(tmp_path, f"{n}.toml", respondent=n, instrument=v2) for n in ("Ann", "Bea")]
    out = tmp_path / "v2.xlsx"
    export_workbook(files, out, instrument=v2_path)
    wb = load_workbook(out)
    responses = values(wb["Responses"])
    assert v2.question(ADDED).text in {r[5] for r in responses}  # type: ignore[union-attr]
    assert not any(r[3] == NOT_IN_INSTRUMENT for r in responses)
    assert column(wb["Assessments"], "Version")[:2] == [2, 2]
    # Without it, the built-in (version 1) reads them: the added question's answers are kept, not scored.
    export_workbook(files, out, force=True)
    responses = values(load_workbook(out)["Responses"])
    assert [r[4] for r in responses if r[3] == NOT_IN_INSTRUMENT] == [ADDED, ADDED]
