"""A grading panel run as it is used: raters answer in real processes, the facilitator's screen in a pty.

Three EDS 2022 raters from two groups answer with `stick interview --plain`;
`stick panel` opens over their folder; an agreement is accepted with enter, a
departure is refused without a reason and saved with one; a fourth rater
saves while the screen is open and appears; the panel is killed (SIGKILL)
and opened again with nothing lost.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from surveys.files.response_file import load_assessment
from surveys.panel.record import Agreed, agreed_of
from tests.conftest import run_stick
from tests.tmux_app import eventually

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

ORG = "Eastfield NHS Trust"


def rater(folder: Path, name: str, group: str, answers: list[str]) -> Path:
    """A rater's file made and answered by real stick processes, as a rater at the event would."""
    made = run_stick(
        ["new", "--instrument", "eds2022", "--org", ORG, "--respondent", name, "--group", group, "--dir", str(folder)]
    )
    assert made.returncode == 0, made.stderr
    path = Path(made.stdout.strip())
    done = run_stick(["interview", str(path), "--plain"], input="\n".join(answers) + "\n")
    assert done.returncode == 0, done.stderr
    return path


def agreed(out: Path, question_id: str) -> Agreed | None:
    return agreed_of(load_assessment(out), question_id)


def test_a_panel_agreed_in_the_app_killed_and_reopened_keeps_every_agreed_rating(tmp_path: Path) -> None:
    from tests.app_pty import AppInPty

    folder = tmp_path / "raters"
    folder.mkdir()
    # Outcome 1A: 2, 2, 3 (proposed 2); 1B: 1, 3, 4 (proposed 3, for discussion).
    rater(folder, "Ann Patel", "patient", ["2 waits shown by ethnicity", "1", *["2"] * 9])
    rater(folder, "Bo Chen", "patient", ["2", "3", *["3"] * 9])
    rater(folder, "Cy Okafor", "staff", ["3", "4 staff survey", *["2"] * 9])
    out = tmp_path / "agreed.toml"

    term = AppInPty(["panel", str(folder), "-o", str(out)])
    try:
        term.wait_for("Question 1 of 11")
        term.wait_for("3 raters: patient 2, staff 1")
        time.sleep(0.3)
        term.type("\r")  # accept the proposed rating
        term.wait_for("Question 2 of 11")
        first = eventually(lambda: agreed(out, "1a"), lambda a: a is not None)
        assert first is not None and (first.choice, first.proposed, first.reason) == (2, 2, "")

        term.type("4")  # not the proposed 3: a reason is asked for
        term.wait_for("Why 4 rather than 3?")
        term.type("\r")
        term.wait_for("needs a reason")
        assert agreed(out, "1b") is None
        for key in "Seen at table 3":
            term.type(key)
        term.type("\r")
        second = eventually(lambda: agreed(out, "1b"), lambda a: a is not None)
        assert second is not None and (second.choice, second.proposed, second.reason) == (4, 3, "Seen at table 3")
        term.wait_for("Question 3 of 11")

        # A fourth rater saves while the screen is open: the spread counts them within a few seconds.
        rater(folder, "Di Jones", "staff", ["3", *["3"] * 10])
        term.wait_for("4 raters: patient 2, staff 2", timeout=20)

        term.kill()  # mid-event, as a laptop lid or a killed terminal would
    finally:
        if term.process.poll() is None:
            term.kill()

    kept = load_assessment(out)
    assert (agreed_of(kept, "1a") or first).choice == 2
    assert agreed_of(kept, "1b") == second

    again = AppInPty(["panel", str(folder), "-o", str(out)])
    try:
        # Carries on at the first question not yet agreed, every earlier agreement there.
        again.wait_for("Question 3 of 11")
        time.sleep(0.3)
        again.type("\x1b[D")  # back to 1B: its agreed rating and reason are shown
        again.wait_for("Agreed: 4 Excelling")
        # Di came after it was agreed: said so, by name.
        again.wait_for("Changed since it was agreed: Di Jones")
        again.type("\x11")
        assert again.close(timeout=15) == 0
    finally:
        if again.process.poll() is None:
            again.kill()
    reopened = load_assessment(out)
    assert agreed_of(reopened, "1a") == agreed_of(kept, "1a") and agreed_of(reopened, "1b") == second
