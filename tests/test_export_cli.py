"""`stick export` as a user runs it: output path, --force, unreadable files, --skip-bad."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from surveys.files.response_file import load_assessment, save_assessment
from tests.conftest import run_stick
from tests.export_helpers import make, shown, values, version_two


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
    assert [r[2] for r in values(wb["Assessments"]) if r[2] in ("Ann", "Cy")] == ["Ann", "Cy"]


def test_bad_output_name_and_folder(tmp_path: Path) -> None:
    source = make(tmp_path, "a.toml")
    done = run_stick(["export", str(source), "-o", str(tmp_path / "a.csv")])
    assert done.returncode == 2 and "must end in .xlsx" in done.stderr
    done = run_stick(["export", str(source), "-o", str(tmp_path / "missing" / "a.xlsx")])
    assert done.returncode == 2 and "no such folder" in done.stderr


def test_compare_refuses_nonsense_with_one_line_and_force_compares_anyway(tmp_path: Path) -> None:
    earlier = make(tmp_path, "2025.toml", on=date(2025, 3, 1))
    now = make(tmp_path, "2026.toml", on=date(2026, 3, 1))
    later = make(tmp_path, "2027.toml", on=date(2027, 3, 1))
    other = make(tmp_path, "other.toml", organisation="Hillside PCT", on=date(2025, 3, 1))
    team = [now, make(tmp_path, "bea.toml", respondent="Bea", on=date(2026, 3, 1))]
    out = tmp_path / "c.xlsx"
    cases = [
        ([now], other, 'other.toml assesses "Hillside PCT", not "Riverside PCT"'),
        ([now], later, "dated 2027-03-01, after now (2026-03-01)"),
        ([now], now, "2026.toml is one of the files being compared with it"),
        (team, earlier, "now is a team of 2 assessments; 2025.toml is one person's"),
    ]
    for files, compare, reason in cases:
        done = run_stick(["export", *map(str, files), "-o", str(out), "--compare", str(compare)])
        assert done.returncode == 2, (compare, done.stdout)
        assert reason in done.stderr and "use --force to compare anyway" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
        assert not out.exists()
    done = run_stick(["export", str(now), "-o", str(out), "--compare", str(later), "--force"])
    assert done.returncode == 0, done.stderr
    compare_sheet = [shown(v) for r in values(load_workbook(out)["Compare"]) for v in r if v is not None]
    assert "Compared anyway" in compare_sheet
    assert any("with --force, although 2027.toml is dated 2027-03-01" in str(v) for v in compare_sheet)
    assert run_stick(["export", str(now), "-o", str(out), "--compare", str(earlier), "--force"]).returncode == 0


def test_compare_across_instruments_is_refused_even_with_force(tmp_path: Path) -> None:
    v2_path, _ = version_two(tmp_path)
    text = v2_path.read_text(encoding="utf-8").replace('id = "race-equality-stick"', 'id = "other"', 1)
    (tmp_path / "other.toml").write_text(text, encoding="utf-8")
    earlier = make(tmp_path, "e.toml", on=date(2025, 1, 1), instrument_file="other.toml")
    a = load_assessment(earlier)
    save_assessment(earlier, replace(a, instrument_id="other"))
    now = make(tmp_path, "n.toml")
    out = tmp_path / "c.xlsx"
    done = run_stick(["export", str(now), "-o", str(out), "--compare", str(earlier), "--force"])
    assert done.returncode == 2 and "made with instrument 'other'" in done.stderr and not out.exists()
