"""Where files go and the command line's exact forms."""

from __future__ import annotations

import json
import shlex
import sys
from datetime import date
from pathlib import Path

import pytest

from surveys.files.response_file import load_assessment, save_assessment
from surveys.folders.storage import create_assessment_file, list_assessments, safe_stem
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.answers import choose
from surveys.model.responses import new_assessment, with_answer
from tests.conftest import run_stick
from tests.example import example_text


@pytest.mark.parametrize(
    "org", ["../../x", "CON", "con.txt", "a/b", "a\\b", "x" * 300, "...", "", "  ", "NUL", "LPT1", "a:b*c?", "مرکز صحت"]
)
def test_file_names_stay_in_the_folder_and_are_windows_safe(tmp_path: Path, org: str) -> None:
    inst = builtin_instrument()
    a = new_assessment(org, "R", "", inst.id, inst.version, on=date(2026, 1, 2))
    path = create_assessment_file(tmp_path, a)
    assert path.parent == tmp_path and path.name.endswith("2026-01-02.toml")
    stem = path.name.split(".")[0].upper()
    assert stem not in {"CON", "NUL", "LPT1", "PRN", "AUX"}
    assert len(path.name) < 100 and not set('<>:"/\\|?*') & set(path.name)
    assert load_assessment(path).organisation == org


def test_a_second_assessment_never_overwrites_the_first(tmp_path: Path) -> None:
    inst = builtin_instrument()
    a = new_assessment("Same", "R1", "", inst.id, inst.version, on=date(2026, 1, 2))
    b = new_assessment("Same", "R2", "", inst.id, inst.version, on=date(2026, 1, 2))
    first, second = create_assessment_file(tmp_path, a), create_assessment_file(tmp_path, b)
    assert first != second and second.name == "Same-2026-01-02-2.toml"
    assert load_assessment(first).respondent == "R1" and load_assessment(second).respondent == "R2"
    assert safe_stem("Same", date(2026, 1, 2)) == "Same-2026-01-02"


def test_listing_is_newest_first_and_names_broken_files(tmp_path: Path) -> None:
    import os

    inst = builtin_instrument()
    old = create_assessment_file(tmp_path, new_assessment("Old", "R", "", inst.id, inst.version))
    new = create_assessment_file(tmp_path, new_assessment("New", "R", "", inst.id, inst.version))
    os.utime(old, (1_000_000_000, 1_000_000_000))
    (tmp_path / "broken.toml").write_text("organisation = ", encoding="utf-8")
    os.utime(tmp_path / "broken.toml", (900_000_000, 900_000_000))
    listed = list_assessments(tmp_path)
    assert [item.path.name for item in listed] == [new.name, old.name, "broken.toml"]
    assert listed[2].assessment is None and "broken.toml" in listed[2].error


def test_new_then_report(stick_dir: Path) -> None:
    made = run_stick(["new", "--org", "Łódź PCT", "--respondent", "Zoë", "--role", "Chair"])
    assert made.returncode == 0, made.stderr
    path = Path(made.stdout.strip())
    assert path.parent == stick_dir and path.exists()
    a = load_assessment(path)
    assert (a.organisation, a.respondent, a.role) == ("Łódź PCT", "Zoë", "Chair")
    inst = builtin_instrument()
    a = with_answer(a, choose(inst.questions[0], 1))
    save_assessment(path, a)

    text = run_stick(["report", str(path)])
    assert text.returncode == 0, text.stderr
    assert "Complete: 1 of" in text.stdout and "Organisational maturity:" in text.stdout

    js = run_stick(["report", str(path), "--json"])
    data = json.loads(js.stdout)
    assert data["answered"] == 1 and data["total"] == len(inst.questions)
    assert data["dimensions"][0]["placement"] == [inst.questions[0].options[0].profile]
    assert {"implications", "suggested_priorities", "adopter", "areas", "overall_step"} <= set(data)


def test_new_in_a_given_folder_with_a_team_instrument(tmp_path: Path) -> None:
    instrument = tmp_path / "mine.toml"
    instrument.write_text(example_text(), encoding="utf-8")
    folder = tmp_path / "out"
    made = run_stick(["new", "--org", "A", "--respondent", "B", "--dir", str(folder), "--instrument", str(instrument)])
    assert made.returncode == 0, made.stderr
    path = Path(made.stdout.strip())
    assert path.parent == folder
    assert load_assessment(path).instrument_id == "example-small"
    report = run_stick(["report", str(path), "--json"])
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["total"] == 4


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["new", "--org", "A"], "--respondent"),
        (["new", "--org", " ", "--respondent", "B"], "--org must not be empty"),
        (["report"], "required"),
        (["report", "missing.toml"], "cannot read"),
        (["check"], "required"),
        (["frobnicate", "--x"], "unknown command 'frobnicate'"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(stick_dir: Path, args: list[str], fragment: str) -> None:
    done = run_stick(args)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert fragment in done.stderr and "Traceback" not in done.stderr


def test_report_of_a_broken_file(stick_dir: Path) -> None:
    path = stick_dir / "x.toml"
    path.write_bytes(b"organisation = \xff\n")
    done = run_stick(["report", str(path)])
    assert done.returncode == 2 and "not UTF-8" in done.stderr
    assert path.read_bytes() == b"organisation = \xff\n"


def test_version_and_help() -> None:
    version = run_stick(["--version"])
    assert version.returncode == 0 and version.stdout.startswith("stick 0.")
    for args in (
        ["--help"],
        ["new", "--help"],
        ["check", "--help"],
        ["report", "--help"],
        ["interview", "--help"],
        ["export", "--help"],
    ):
        done = run_stick(args)
        # Started as `python -m tui`, the usage says so (the installed `stick` says stick).
        assert done.returncode == 0 and f"usage: {shlex.join([sys.executable, '-m', 'tui'])}" in done.stdout, args
