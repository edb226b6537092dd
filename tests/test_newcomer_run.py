"""A newcomer's whole job, in tmux, key by key with a person's pauses, the file read back after every step.

Starting from an empty folder: a new assessment for an organisation with a
non-ASCII name, every question answered (a note on the first), the result,
the plan (the suggestions adopted, a lead named), next year's review started
from it (the plan carried forward), and an Excel workbook for the planning
team. What the screen says and what the file holds are both checked at each
step, since either can be wrong while the other is right.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import Assessment
from tests.tmux_app import HAVE_TMUX, TmuxApp, eventually

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not HAVE_TMUX, reason="needs tmux (CI installs it)")]

ORGANISATION = "Hôpital Saint-Élise PCT"
RESPONDENT = "Zoë Ng"
LEAD = "Dr Ánna Kowalczyk"


def _only_file(folder: Path) -> Path:
    files = sorted(folder.glob("*.toml"))
    assert len(files) == 1, files
    return files[0]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_a_newcomer_does_the_whole_job(tmp_path: Path, size: tuple[int, int]) -> None:
    folder = tmp_path / "assessments"
    env = {
        "HOME": str(tmp_path / "home"),
        "STICK_DIR": str(folder),
        "STICK_CACHE_DIR": str(tmp_path / "cache"),
        "STICK_CONFIG_DIR": str(tmp_path / "config"),
    }
    (tmp_path / "home").mkdir()
    instrument = builtin_instrument()
    app = TmuxApp([], env, tmp_path, size)
    try:
        app.wait_for("No assessments yet")

        # A new assessment: nothing is written until it is created.
        app.keys("n")
        app.wait_for("Respondent")
        app.type(ORGANISATION)
        app.keys("Tab")
        app.type(RESPONDENT)
        assert not folder.exists() or not list(folder.glob("*.toml"))
        app.keys("C-s")
        app.wait_for(f"Question 1 of {len(instrument.questions)}")
        path = _only_file(folder)
        created = load_assessment(path)
        assert (created.organisation, created.respondent, created.answers) == (ORGANISATION, RESPONDENT, {})

        # Every question, a note on the first; the file holds each answer as it is given.
        app.keys("t")
        app.type("Board paper due in March")
        app.keys("Enter")
        for number, question in enumerate(instrument.questions, start=1):
            if question.kind == "text":
                app.keys("Enter")
                app.type(f"Answer {number}, in our words")
                app.keys("Enter")
            else:
                app.keys("2")

            def has(a: Assessment, qid: str = question.id) -> bool:
                return qid in a.answers and a.answers[qid].given

            saved = eventually(lambda: load_assessment(path), has)
            if question.kind == "text":
                assert saved.answers[question.id].text == f"Answer {number}, in our words"
            else:
                assert saved.answers[question.id].choice == 2
        first = instrument.questions[0].id
        finished = load_assessment(path)
        assert finished.answers[first].note == "Board paper due in March"
        assert len(finished.answers) == len(instrument.questions)
        assert not finished.priorities  # nobody has made a plan yet

        shown = app.wait_for("Result")
        assert "33 of 33 answered" in " ".join(shown.split())

        # The plan: the suggestions adopted, a lead named for the first.
        app.keys("p")
        app.wait_for("suggested")
        assert not load_assessment(path).priorities  # looking at the plan writes nothing
        app.keys("A")
        planned = eventually(lambda: load_assessment(path), lambda a: len(a.priorities) > 0)
        assert all(p.title for p in planned.priorities)
        app.keys("Enter")
        app.wait_for("saved as you go")  # the editor's own title ("Lead" is a column of the plan too)
        app.keys("Tab", "Tab")
        app.type(LEAD)
        app.keys("Escape")
        led = eventually(lambda: load_assessment(path), lambda a: a.priorities[0].lead == LEAD)
        assert len(led.priorities) == len(planned.priorities)

        # Back to Home, and next year's review from this one: a new file, this year's plan carried.
        app.keys("Escape", "Escape", "Escape")
        home = app.wait_for("complete")  # finished, not a percentage
        assert "Hôpital Saint" in home
        app.keys("N")
        app.wait_for("priorities carried forward")
        app.keys("Tab", "Tab", "C-a", "C-k")
        app.type("30/11/2027")
        app.wait_for("Understood as Tuesday 30 November 2027")
        app.keys("C-s")
        app.wait_for(f"Question 1 of {len(instrument.questions)}")
        later_path = next(p for p in folder.glob("*.toml") if p != path)
        later = load_assessment(later_path)
        assert (later.organisation, later.date, later.answers) == (ORGANISATION, date(2027, 11, 30), {})
        assert later.extra.get("earlier_file") == path.name
        assert [p.title for p in later.priorities] == [p.title for p in led.priorities]
        assert all(p.status_to_update and p.carried_from == finished.date for p in later.priorities)
        assert later.priorities[0].lead == LEAD
        app.keys("3")
        eventually(lambda: load_assessment(later_path), lambda a: a.answers[first].choice == 3)
        assert load_assessment(path) == led  # last year's file is left as it was

        # The workbook for the planning team, of the one under the cursor (this year's, changed last).
        app.keys("Escape")
        app.wait_for("2027-11-30")
        app.keys("e")
        app.wait_for("Export to Excel")
        app.keys("C-s")
        app.wait_for("Exported 1 assessment")
        workbooks = list(folder.glob("*.xlsx"))
        assert len(workbooks) == 1
        book = load_workbook(workbooks[0], read_only=True)
        assert "Action plan" in book.sheetnames
        cells = [str(c) for row in book["Action plan"].iter_rows(values_only=True) for c in row if c is not None]
        book.close()
        assert LEAD in cells

        app.keys("C-q")
        assert app.exit_status() == 0
    finally:
        app.close()
    # Quitting wrote nothing more: the file is as the last step left it.
    assert load_assessment(path) == led
