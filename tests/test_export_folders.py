"""`stick export` takes folders and expands `*.toml` itself: Windows shells pass a pattern as typed.

Run as real commands; a list of arguments reaches stick as cmd passes a quoted
pattern: the `*` unexpanded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook

from surveys.folders.assessment_files import not_an_assessment
from surveys.instruments.instrument_file import builtin_bytes
from tests.conftest import run_stick
from tests.export_helpers import make


def respondents(workbook: Path) -> set[str]:
    """The respondents the workbook's Responses sheet names."""
    ws = load_workbook(workbook, read_only=True)["Responses"]
    rows = list(ws.iter_rows(values_only=True))
    where = rows[0].index("Respondent")
    return {str(row[where]) for row in rows[1:]}


def team(folder: Path) -> Path:
    folder.mkdir()
    make(folder, "a.toml", respondent="Ann")
    make(folder, "b.toml", respondent="Bo")
    (folder / "archive").mkdir()
    make(folder / "archive", "old.toml", respondent="Old")
    return folder


def test_a_folder_is_its_assessments_not_its_archive_nor_other_toml(tmp_path: Path) -> None:
    folder = team(tmp_path / "team")
    (folder / "our-instrument.toml").write_bytes(builtin_bytes())
    (folder / "settings.toml").write_text('theme = "dark"\n', encoding="utf-8")
    out = tmp_path / "out.xlsx"
    done = run_stick(["export", str(folder), "-o", str(out)])
    assert done.returncode == 0, done.stderr
    assert respondents(out) == {"Ann", "Bo"}
    assert done.stderr.splitlines() == [
        f"stick: skipped {folder / 'our-instrument.toml'}: an instrument file, not an assessment",
        f"stick: skipped {folder / 'settings.toml'}: not an assessment (no 'organisation' or 'instrument')",
    ]


def test_a_damaged_assessment_in_a_folder_follows_skip_bad(tmp_path: Path) -> None:
    folder = team(tmp_path / "team")
    (folder / "c.toml").write_text('organisation = "Cut off\n', encoding="utf-8")
    out = tmp_path / "out.xlsx"
    stopped = run_stick(["export", str(folder), "-o", str(out)])
    assert stopped.returncode == 2 and len(stopped.stderr.splitlines()) == 1 and "c.toml" in stopped.stderr
    assert not out.exists()
    skipped = run_stick(["export", str(folder), "-o", str(out), "--skip-bad"])
    assert skipped.returncode == 0, skipped.stderr
    assert respondents(out) == {"Ann", "Bo"} and f"skipped {folder / 'c.toml'}" in skipped.stderr


def test_a_pattern_as_cmd_passes_it_is_expanded_sorted(tmp_path: Path) -> None:
    folder = team(tmp_path / "team")
    shutil.copy(folder / "a.toml", folder / "a-copy.txt")
    out = tmp_path / "out.xlsx"
    done = run_stick(["export", str(folder / "*.toml"), "-o", str(out)], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert respondents(out) == {"Ann", "Bo"}
    relative = run_stick(["export", "team/?.toml", "-o", "rel.xlsx"], cwd=tmp_path)
    assert relative.returncode == 0, relative.stderr
    assert respondents(tmp_path / "rel.xlsx") == {"Ann", "Bo"}


def test_a_pattern_matching_nothing_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    done = run_stick(["export", str(tmp_path / "*.toml"), "-o", str(out)])
    assert done.returncode == 2
    assert done.stderr == f"stick: {tmp_path / '*.toml'}: no file matches this pattern\n"
    assert not out.exists()


def test_a_folder_without_assessments_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = run_stick(["export", str(tmp_path), "-o", str(tmp_path / "out.xlsx")])
    assert done.returncode == 2 and done.stderr == f"stick: {tmp_path}: no assessments (*.toml) in this folder\n"


def test_a_file_whose_name_holds_brackets_is_taken_as_named(tmp_path: Path) -> None:
    make(tmp_path, "team [2026].toml", respondent="Cy")
    out = tmp_path / "out.xlsx"
    done = run_stick(["export", str(tmp_path / "team [2026].toml"), "-o", str(out)])
    assert done.returncode == 0, done.stderr
    assert respondents(out) == {"Cy"}


def test_what_is_plainly_not_an_assessment() -> None:
    assert not_an_assessment(b'organisation = "N"\ninstrument = "x"\n[answers]\n') == ""
    assert (
        not_an_assessment(b'[answers]\n[meta]\norganisation = "N"\n')
        == "not an assessment (no 'organisation' or 'instrument')"
    )
    assert not_an_assessment(builtin_bytes()) == "an instrument file, not an assessment"
    assert not_an_assessment(b'organisation = "cut') == "", "a damaged file is the export's to judge"


def test_a_panel_folder_exports_its_raters_not_the_agreed_file_as_one_more(tmp_path: Path) -> None:
    # A grading event's folder: the raters' files and the panel's agreed file beside them. Merged
    # with them, the agreed file counted as a fourth respondent ("Grading panel") in the team.
    from surveys.panel.opening import open_panel
    from tests.panel_support import rater

    folder = tmp_path / "event"
    folder.mkdir()
    for name, group, choice in (("Ann", "patient", 1), ("Bo", "patient", 2), ("Cy", "staff", 3)):
        rater(folder, name, group, [choice] * 11)
    agreed = folder / "agreed.toml"
    with open_panel([folder], agreed) as session:
        session.accept(session.instrument.questions[0].id)
    out = tmp_path / "out.xlsx"
    done = run_stick(["export", str(folder), "-o", str(out)])
    assert done.returncode == 0, done.stderr
    assert respondents(out) == {"Ann", "Bo", "Cy"}
    assert done.stderr.splitlines() == [
        f"stick: skipped {agreed}: a grading panel's agreed file: export it on its own for the agreed rating"
        " (stick export FILE)"
    ]
    alone = run_stick(["export", str(agreed), "-o", str(tmp_path / "grade.xlsx")])
    assert alone.returncode == 0, alone.stderr
    assert "Panel" in load_workbook(tmp_path / "grade.xlsx", read_only=True).sheetnames
