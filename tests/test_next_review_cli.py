"""`stick new --from EARLIER.toml` and `stick report` on next year's review, through the real command."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from surveys.files.response_file import load_assessment, save_assessment
from tests.app_support import answered, write
from tests.conftest import run_stick


def _earlier(folder: Path) -> Path:
    return write(folder, "Northfield-PCT-2026-03-31.toml", answered("Northfield PCT", date(2026, 3, 31), 1, plan=True))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() if p.is_file() else b"(folder)" for p in folder.iterdir()}


def test_new_from_prints_the_new_path_beside_the_earlier_one(tmp_path: Path) -> None:
    earlier = _earlier(tmp_path)
    done = run_stick(["new", "--from", str(earlier), "--date", "31/03/2027", "--respondent", "Bea", "--role", "Chair"])
    assert done.returncode == 0, done.stderr
    made = Path(done.stdout.strip())
    assert made == tmp_path / "Northfield-PCT-2027-03-31.toml"
    a = load_assessment(made)
    assert (a.organisation, a.respondent, a.role, a.date) == ("Northfield PCT", "Bea", "Chair", date(2027, 3, 31))
    assert a.extra["earlier_file"] == earlier.name and a.answers == {}
    assert len(a.priorities) == len(load_assessment(earlier).priorities)
    assert all(p.status_to_update and p.carried_from == date(2026, 3, 31) for p in a.priorities)


def test_new_from_keeps_the_respondent_and_role_unless_told(tmp_path: Path) -> None:
    earlier = _earlier(tmp_path)
    done = run_stick(["new", "--from", str(earlier), "--date", "2027-03-31"])
    assert done.returncode == 0, done.stderr
    a = load_assessment(Path(done.stdout.strip()))
    assert (a.respondent, a.role) == ("Ann Smith", "Equality lead")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--date", "31/03/2026"], "must be after Northfield-PCT-2026-03-31.toml's"),
        (["--date", "2025-01-01"], "must be after"),
        (["--date", "31-31-2027"], "--date: '31-31-2027' is not a date"),
        (["--org", "Riverside PCT"], "--org cannot be used with --from"),
        (["--dir", "{dir}/elsewhere"], "--dir cannot be used with --from"),
        (["--respondent", " "], "--respondent must not be empty"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_file_touched(tmp_path: Path, args: list[str], said: str) -> None:
    earlier = _earlier(tmp_path)
    before = _snapshot(tmp_path)
    done = run_stick(["new", "--from", str(earlier), *(a.replace("{dir}", str(tmp_path)) for a in args)])
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and said in done.stderr, done.stderr
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("name", ["missing.toml", "broken.toml", "folder"])
def test_an_earlier_file_that_cannot_be_read_makes_nothing(tmp_path: Path, name: str) -> None:
    (tmp_path / "broken.toml").write_bytes(b"organisation = [")
    (tmp_path / "folder").mkdir()
    before = _snapshot(tmp_path)
    done = run_stick(["new", "--from", str(tmp_path / name), "--date", "2027-03-31"])
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert _snapshot(tmp_path) == before


def test_new_without_from_still_asks_for_the_organisation_and_respondent(tmp_path: Path) -> None:
    done = run_stick(["new", "--respondent", "Ann", "--dir", str(tmp_path)])
    assert done.returncode == 2 and "--org is needed" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_report_says_what_moved_since_the_earlier_file(tmp_path: Path) -> None:
    earlier = _earlier(tmp_path)
    # A later file of the same organisation in the folder: the review follows the one it names.
    write(tmp_path, "Northfield-PCT-2026-09-30.toml", answered("Northfield PCT", date(2026, 9, 30), 4))
    made = Path(run_stick(["new", "--from", str(earlier), "--date", "2027-03-31"]).stdout.strip())
    text = run_stick(["report", str(made)])
    assert text.returncode == 0, text.stderr
    assert f"What moved since 2026-03-31 ({earlier.name})" in text.stdout
    assert "  Nothing to compare yet: answer the questions to see what moved." in text.stdout
    assert "(in progress; status to update)" in text.stdout
    assert "carried from 2026 — update status" in text.stdout
    js = json.loads(run_stick(["report", str(made), "--json"]).stdout)
    moved = js["what_moved"]
    assert moved["earlier"] == {"file": earlier.name, "date": "2026-03-31"}
    assert moved["compared"] is False and moved["changes"] == []
    assert {p["title"] for p in moved["still_open"]} == {p.title for p in load_assessment(earlier).priorities}
    assert all(p["carried_from"] == "2026-03-31" and p["status_to_update"] for p in js["priorities"])


def test_report_of_a_file_with_no_earlier_one_says_nothing_moved(tmp_path: Path) -> None:
    earlier = _earlier(tmp_path)
    text = run_stick(["report", str(earlier)])
    assert text.returncode == 0 and "What moved" not in text.stdout
    assert json.loads(run_stick(["report", str(earlier), "--json"]).stdout)["what_moved"] is None


def test_report_names_the_steps_that_moved(tmp_path: Path) -> None:
    earlier = _earlier(tmp_path)
    made = Path(run_stick(["new", "--from", str(earlier), "--date", "2027-03-31"]).stdout.strip())
    a = load_assessment(made)
    now = answered("Northfield PCT", date(2027, 3, 31), 3)
    save_assessment(made, replace(now, extra=a.extra, priorities=a.priorities))
    text = run_stick(["report", str(made)]).stdout
    moved = text.split(f"What moved since 2026-03-31 ({earlier.name})\n")[1].split("\n\n")[0]
    assert "  Leadership: step 1 → step 3." in moved.splitlines()


def test_report_reads_only_the_file_named_never_the_rest_of_the_folder(tmp_path: Path) -> None:
    # A file made without --from names no earlier one: its report does not depend on its neighbours.
    _earlier(tmp_path)
    now = write(tmp_path, "Northfield-PCT-2027-03-31.toml", answered("Northfield PCT", date(2027, 3, 31), 3))
    assert "What moved" not in run_stick(["report", str(now)]).stdout
