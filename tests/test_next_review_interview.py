"""The interview's plan step shows which priorities were carried from last year and still need a status."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from surveys.editing.next_review import create_next_review, next_review
from surveys.files.response_file import load_assessment
from tests.app_support import answered as answered_assessment
from tests.app_support import write
from tests.interview_helpers import IDS, answered, interview


def test_the_plain_interview_lists_carried_priorities_with_their_marker(tmp_path: Path) -> None:
    earlier = write(tmp_path, "2026.toml", answered_assessment("Northfield PCT", date(2026, 3, 31), 1, plan=True))
    review = create_next_review(earlier, next_review(load_assessment(earlier), earlier, on=date(2027, 3, 31)))
    answered(review, IDS)
    code, script = interview(review, ["n"])
    assert code == 0
    listed = script.text.split("Already recorded:")[1]
    titles = [p.title for p in load_assessment(earlier).priorities]
    for n, title in enumerate(titles, start=1):
        line = next(line for line in listed.splitlines() if line.startswith(f"{n}. "))
        assert title in line and "carried from 2026 — update status (in the app's plan)" in line
