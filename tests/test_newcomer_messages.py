"""Messages a newcomer meets say what happened in their words, not the parser's."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_stick
from tests.interview_helpers import fresh_file


def test_a_workbook_given_to_report_is_not_an_assessment_file(tmp_path: Path) -> None:
    book = tmp_path / "team.xlsx"
    with zipfile.ZipFile(book, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    before = book.read_bytes()
    done = run_stick(["report", str(book)])
    assert done.returncode == 2
    assert "not an assessment file" in done.stderr and "Excel workbook" in done.stderr
    assert "UTF-8" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert book.read_bytes() == before


def test_a_misspelt_command_is_named_with_the_one_meant(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    done = run_stick(["intervew", str(path)])
    assert done.returncode == 2
    assert "unknown command 'intervew'; did you mean 'interview'?" in done.stderr
    assert "unrecognized arguments" not in done.stderr
    far = run_stick(["frobnicate", str(path)])
    assert far.returncode == 2 and "unknown command 'frobnicate'" in far.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_accessible_selects_the_plain_interview_in_a_terminal(tmp_path: Path) -> None:
    # The convention screen-reader users set, as TERM=dumb is: in a real terminal
    # the questionary menus would be drawn otherwise.
    from tests.app_pty import AppInPty

    path = fresh_file(tmp_path)
    term = AppInPty(["interview", str(path)], env={"ACCESSIBLE": "1"})
    try:
        term.wait_for("Answer (1-", timeout=20)
        term.type("\x04")  # end of input: saved, exit 0
    finally:
        code = term.close(timeout=15)
    assert code == 0
    assert b"arrow keys" not in term.output


def test_uk_dates_are_read_day_first_everywhere(tmp_path: Path) -> None:
    from datetime import date

    from surveys.files.response_file import load_assessment
    from surveys.model.dates import read_date, said
    from tui.app.new import parse_date as app_date
    from tui.interview.priorities import parse_date as interview_date

    for reader in (read_date, app_date, interview_date):
        assert reader("31/03/2027") == date(2027, 3, 31)
        assert reader("2027-03-31") == date(2027, 3, 31)
        assert reader("3.4.2027") == date(2027, 4, 3)  # day first: the 3rd of April
    with pytest.raises(ValueError, match="31/03/2027 or 2027-03-31"):
        read_date("31/13/2027")
    assert said(date(2027, 4, 3)) == "Saturday 3 April 2027"

    done = run_stick(
        ["new", "--org", "Northfield PCT", "--respondent", "Ann", "--date", "31/03/2027", "--dir", str(tmp_path)]
    )
    assert done.returncode == 0, done.stderr
    assert load_assessment(Path(done.stdout.strip())).date == date(2027, 3, 31)
    bad = run_stick(["new", "--org", "N", "--respondent", "A", "--date", "31-31-2027", "--dir", str(tmp_path)])
    assert bad.returncode == 2 and "--date" in bad.stderr and len(bad.stderr.splitlines()) == 1


def test_a_uk_date_in_the_interviews_priorities(tmp_path: Path) -> None:
    from datetime import date

    from surveys.files.response_file import load_assessment
    from tests.interview_helpers import CHOICE_IDS, answered, interview

    path = fresh_file(tmp_path)
    answered(path, CHOICE_IDS)
    code, _ = interview(path, ["answer", "answer", "y", "1", "Workshops", "HR", "", "31/03/2027", "", "", "n"])
    assert code == 0
    assert load_assessment(path).priorities[0].target == date(2027, 3, 31)
