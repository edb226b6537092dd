"""Empty assessments, the floors between packages, and a failed save leaving nothing behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exports.merge import reason_without_path
from exports.workbook import ExportError, export_workbook
from surveys.files.response_file import save_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import new_assessment
from tests.conftest import ROOT
from tests.export_helpers import find_row, foreign_formulas, make, values


def _empty(folder: Path, name: str) -> Path:
    i = builtin_instrument()
    path = folder / name
    save_assessment(path, new_assessment("Empty PCT", name, "", i.id, i.version))
    return path


def test_assessments_with_no_answers_still_export(tmp_path: Path) -> None:
    files = [_empty(tmp_path, "a.toml"), _empty(tmp_path, "b.toml")]
    out = tmp_path / "empty.xlsx"
    export_workbook(files, out, compare=files[0], force=True)
    wb = load_workbook(out)
    assert foreign_formulas(out) == []
    assert find_row(wb["Summary"], "Step reached")[1].startswith("not yet known")
    assert all(v is None for row in values(wb["Action plan"])[1:] for v in row)  # only the spare rows, empty
    (table,) = wb["Action plan"].tables.values()
    assert table.ref == "A1:R31"  # the spare rows, empty, for the planning team
    team = wb["Team"]
    assert find_row(team, "2 of 2 assessments have no adopter category yet.") is not None
    assert "Compared anyway" in [r[0] for r in values(wb["Compare"])]
    assert find_row(team, "Leadership")[1:6] == [0, None, None, None, None]


def test_a_failed_save_leaves_no_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = make(tmp_path, "a.toml")
    out = tmp_path / "a.xlsx"

    def broken(self: object, filename: object) -> None:
        Path(str(filename)).write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("openpyxl.Workbook.save", broken)
    with pytest.raises(ExportError, match="cannot write the workbook: No space left on device"):
        export_workbook([source], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.toml"]


def test_exports_stand_on_surveys_and_openpyxl_alone() -> None:
    code = (
        "import sys, exports.workbook, exports.merge\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'questionary', 'tui')]\n"
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == ""


def test_the_cli_does_not_import_openpyxl_until_an_export_runs() -> None:
    code = "import sys, tui.cli\nprint('openpyxl' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"


def test_skip_reasons_name_files_not_folders() -> None:
    here = Path("/srv/team/2026/b.toml")
    assert reason_without_path(f"{here}: TOML syntax error (column 3)", here) == "TOML syntax error (column 3)"
    assert reason_without_path(f"{here}: see /home/ann/copies/v2.toml:12: bad", here) == "see v2.toml:12: bad"
    assert reason_without_path(r"C:\Users\ann\b.toml: cannot read", Path("x")) == "b.toml: cannot read"
    assert reason_without_path("'role' must not be true/false", here) == "'role' must not be true/false"
