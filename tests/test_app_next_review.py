"""Next year's review in the app: Home's N, the form, its first question, the carried plan, what moved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select, Static

from surveys.editing.next_review import create_next_review, next_review
from surveys.errors import ResponseFileError
from surveys.files.response_file import load_assessment, save_assessment
from tests.app_support import answered, write
from tui.app.discard import DiscardDialog
from tui.app.factory import make_app
from tui.app.hanging import HangingText
from tui.app.home import HomeScreen
from tui.app.next_review_form import NextReviewScreen
from tui.app.plan import PlanScreen
from tui.app.priority_editor import PriorityEditor
from tui.app.question import QuestionScreen
from tui.app.result import ResultScreen

NEXT_YEAR = date(2027, 3, 31)
MARKER = "carried from 2026 — update status"


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "answers"
    earlier = write(
        folder, "Northfield-PCT-2026-03-31.toml", answered("Northfield PCT", date(2026, 3, 31), 1, plan=True)
    )
    return folder, earlier


def _field(screen: NextReviewScreen, name: str) -> str:
    return screen.query_one(f"#{name}", Input).value


async def test_n_on_home_opens_the_form_and_ctrl_s_opens_the_new_review_at_its_first_question(tmp_path: Path) -> None:
    folder, earlier = _folder(tmp_path)
    before = earlier.read_bytes()
    app = make_app(folder, today=lambda: NEXT_YEAR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("N")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NextReviewScreen)
        assert (_field(form, "respondent"), _field(form, "role"), _field(form, "date")) == (
            "Ann Smith",
            "Equality lead",
            "2027-03-31",
        )
        assert "Understood as Wednesday 31 March 2027" in str(form.query_one("#date-problem", Static).render())
        await pilot.press("ctrl+u", *"Bea", "tab", "tab", "ctrl+u", *"01/04/2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.index == 0
        made = folder / "Northfield-PCT-2027-04-01.toml"
        assert app.context is not None and app.context.store.path == made
    a = load_assessment(made)
    assert (a.respondent, a.role, a.date) == ("Bea", "Equality lead", date(2027, 4, 1))
    assert a.extra["earlier_file"] == earlier.name and a.answers == {}
    assert [p.title for p in a.priorities] == [p.title for p in load_assessment(earlier).priorities]
    assert all(p.status_to_update for p in a.priorities)
    assert earlier.read_bytes() == before


async def test_a_date_not_after_the_earlier_one_keeps_the_form_and_says_why_beside_it(tmp_path: Path) -> None:
    folder, _earlier = _folder(tmp_path)
    app = make_app(folder, today=lambda: NEXT_YEAR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        await pilot.press("tab", "tab", "ctrl+u", *"31/03/2026", "ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NextReviewScreen)
        problem = form.query_one("#date-problem", Static)
        said = str(problem.render())
        assert said.startswith("Not created: the new review's date") and "must be after" in said
        assert problem.has_class("problem") and problem.display
        assert form.focused is form.query_one("#date", Input)
        # The problem is where it can be seen at 80x24, not below the screen.
        assert problem.region.bottom <= app.size.height - 1
        await pilot.press("ctrl+u", *"not a date", "ctrl+s")
        await pilot.pause()
        assert "is not a date" in str(problem.render())
    assert sorted(p.name for p in folder.glob("*.toml")) == ["Northfield-PCT-2026-03-31.toml"]


async def test_esc_leaves_at_once_when_nothing_was_typed_and_asks_first_when_something_was(tmp_path: Path) -> None:
    folder, _earlier = _folder(tmp_path)
    app = make_app(folder, today=lambda: NEXT_YEAR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("N")
        await pilot.pause()
        await pilot.press(*" Jones", "escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("k")  # keep editing: what was typed is still there
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NextReviewScreen) and _field(form, "respondent") == "Ann Smith Jones"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert len(list(folder.glob("*.toml"))) == 1


def _review(tmp_path: Path, answered_now: bool) -> tuple[Path, Path]:
    """Last year's file, a later file of the same organisation in the folder, and the review that follows the first."""
    folder, earlier = _folder(tmp_path)
    write(folder, "Northfield-PCT-2026-09-30.toml", answered("Northfield PCT", date(2026, 9, 30), 4))
    review = create_next_review(earlier, next_review(load_assessment(earlier), earlier, on=NEXT_YEAR))
    if answered_now:
        a = load_assessment(review)
        done = replace(a.priorities[0], status="done", status_to_update=False)
        now = answered("Northfield PCT", NEXT_YEAR, 3)
        save_assessment(review, replace(now, extra=a.extra, priorities=(done, *a.priorities[1:])))
    return earlier, review


async def test_the_result_says_what_moved_since_the_file_it_follows(tmp_path: Path) -> None:
    earlier, review = _review(tmp_path, answered_now=True)
    first = load_assessment(earlier).priorities[0].title
    app = make_app(review.parent, review, today=lambda: NEXT_YEAR)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        text = "\n".join(line.plain for line in app.screen.query_one("#result", HangingText).lines(1000))
    assert f"What moved since 2026-03-31 ({earlier.name})" in text
    assert "  - Leadership: step 1 → step 3" in text
    assert f"  - Done since: {first}" in text
    assert "; status to update)" in text


async def test_the_result_says_what_moved_once_the_earlier_one_is_found(tmp_path: Path) -> None:
    earlier, review = _review(tmp_path, answered_now=True)
    app = make_app(review.parent, review, today=lambda: NEXT_YEAR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")  # before the search has answered
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        text = "\n".join(line.plain for line in app.screen.query_one("#result", HangingText).lines(1000))
    assert f"What moved since 2026-03-31 ({earlier.name})" in text


def _plan_titles(screen: PlanScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(n)[1]) for n in range(table.row_count)]


async def test_the_plan_marks_carried_priorities_until_their_status_is_set(tmp_path: Path) -> None:
    _earlier, review = _review(tmp_path, answered_now=False)
    app = make_app(review.parent, review, today=lambda: NEXT_YEAR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        titles = _plan_titles(screen)
        assert titles and all(t.endswith(f"\n{MARKER}") for t in titles)
        assert MARKER in str(screen.query_one("#details", Static).render())
        kept = load_assessment(review).priorities[0].status
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, PriorityEditor)
        status = editor.query_one("#status", Select)
        assert status.is_blank() and f"was {kept}" in str(status.prompt)
        status.value = kept  # chosen again, the same as last year
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        titles = _plan_titles(screen)
        assert MARKER not in titles[0] and all(t.endswith(MARKER) for t in titles[1:])
    saved = load_assessment(review).priorities
    assert (saved[0].status, saved[0].status_to_update) == (kept, False)
    assert all(p.status_to_update for p in saved[1:])


async def test_a_create_that_fails_keeps_the_form_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _earlier = _folder(tmp_path)

    def refuse(_earlier: Path, _assessment: object) -> Path:
        raise ResponseFileError(f"{folder}: cannot save: Permission denied")

    monkeypatch.setattr("tui.app.next_review_form.create_next_review", refuse)
    app = make_app(folder, today=lambda: NEXT_YEAR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        await pilot.press(*" Jones", "ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NextReviewScreen) and _field(form, "respondent") == "Ann Smith Jones"
        problem = form.query_one("#problem", Static)
        assert str(problem.render()).startswith("Not created: ") and "Permission denied" in str(problem.render())
        assert problem.region.bottom <= app.size.height - 1 and problem.region.y >= 1
    assert len(list(folder.glob("*.toml"))) == 1


async def test_text_from_the_file_is_shown_safe_and_kept_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    hostile = replace(answered("Org \x1b[2J", date(2026, 3, 31), 1), respondent="Ann \u202eevil")
    write(folder, "hostile.toml", hostile)
    app = make_app(folder, today=lambda: NEXT_YEAR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NextReviewScreen)
        assert "\x1b" not in str(form.query_one("#about", Static).render())
        assert _field(form, "respondent") == "Ann \\u202eevil"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
    (made,) = [p for p in folder.glob("*.toml") if p.name != "hostile.toml"]
    a = load_assessment(made)
    assert (a.organisation, a.respondent) == ("Org \x1b[2J", "Ann \u202eevil")
