"""`stick export` as a user runs it: output path, --force, unreadable files, --skip-bad."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import run_stick
from tests.export_helpers import make, shown, values


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix != ".toml")


def test_export_prints_the_path_and_writes_the_workbook(tmp_path: Path) -> None:
    source = make(tmp_path, "a.toml")
    out = tmp_path / "a.xlsx"
    done = run_stick(["export", str(source), "-o", str(out)])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert done.stderr == ""  # no progress bar: standard error is not a terminal here
    assert load_workbook(out).sheetnames[0] == "Summary"


def test_existing_output_needs_force(tmp_path: Path) -> None:
    source = make(tmp_path, "a.toml")
    out = tmp_path / "a.xlsx"
    out.write_bytes(b"keep me")
    done = run_stick(["export", str(source), "-o", str(out)])
    assert done.returncode == 2
    assert done.stderr.strip() == f"stick: {out} already exists; use --force to replace it"
    assert out.read_bytes() == b"keep me"
    forced = run_stick(["export", str(source), "-o", str(out), "--force"])
    assert forced.returncode == 0, forced.stderr
    assert load_workbook(out).sheetnames[0] == "Summary"
    assert _leftovers(tmp_path) == ["a.xlsx"]


def test_unreadable_file_stops_the_export_before_anything_is_written(tmp_path: Path) -> None:
    good = make(tmp_path, "a.toml")
    bad = tmp_path / "b.toml"
    bad.write_text('organisation = "X"\nanswers = [', encoding="utf-8")
    out = tmp_path / "team.xlsx"
    done = run_stick(["export", str(good), str(bad), "-o", str(out)])
    assert done.returncode == 2
    assert done.stderr.startswith(f"stick: {bad}: ") and "TOML syntax error" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert not out.exists() and _leftovers(tmp_path) == []


def test_missing_file_is_named_with_its_reason(tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    done = run_stick(["export", str(tmp_path / "nope.toml"), "-o", str(out)])
    assert done.returncode == 2
    assert "nope.toml: cannot read" in done.stderr and not out.exists()


def test_skip_bad_goes_on_and_lists_the_skipped_files(tmp_path: Path) -> None:
    good = make(tmp_path, "a.toml", respondent="Ann")
    other = make(tmp_path, "c.toml", respondent="Cy")
    bad = tmp_path / "b.toml"
    bad.write_bytes(b"\xff\xfe not text")
    out = tmp_path / "team.xlsx"
    done = run_stick(["export", str(good), str(bad), str(other), "-o", str(out), "--skip-bad"])
    assert done.returncode == 0, done.stderr
    assert f"skipped {bad}" in done.stderr
    wb = load_workbook(out)
    about = [[shown(v) for v in r] for r in values(wb["About"])]
    skipped = [r for r in about if r[0] == "b.toml"]
    assert len(skipped) == 1 and "not UTF-8" in skipped[0][1] and str(tmp_path) not in skipped[0][1]
    assert [r[0] for r in values(wb["Team"]) if r[0] in ("Ann", "Cy")] == ["Ann", "Cy"]


def test_bad_output_name_and_folder(tmp_path: Path) -> None:
    source = make(tmp_path, "a.toml")
    done = run_stick(["export", str(source), "-o", str(tmp_path / "a.csv")])
    assert done.returncode == 2 and "must end in .xlsx" in done.stderr
    done = run_stick(["export", str(source), "-o", str(tmp_path / "missing" / "a.xlsx")])
    assert done.returncode == 2 and "no such folder" in done.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_workbook_and_draws_it(tmp_path: Path) -> None:
    files = [make(tmp_path, f"{n}.toml", respondent=n, pick=p) for n, p in (("Ann", 1), ("Bea", 3))]
    out = tmp_path / "team.xlsx"
    assert run_stick(["export", *map(str, files), "-o", str(out), "--compare", str(files[0])]).returncode == 0
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    pdf = (tmp_path / "team.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") + pdf.count(b"/Type/Page") >= 7
