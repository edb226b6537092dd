"""The whole flow through the real app, checked in the saved file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.answers import AnswerState, resolve
from surveys.results.scoring import score
from tests.app_support import TODAY, demo_folder, questions_open
from tui.app.app import StickApp
from tui.app.factory import make_app
from tui.app.help import HelpScreen
from tui.app.home import HomeScreen
from tui.app.new import NewScreen
from tui.app.plan import PlanScreen
from tui.app.priority_editor import PriorityEditor
from tui.app.question import QuestionScreen
from tui.app.question_pane import QuestionPane
from tui.app.radar import Radar
from tui.app.result import ResultScreen
from tui.app.review import ReviewScreen
from tui.app.too_small import TooSmallScreen


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def only_file(folder: Path) -> Path:
    files = list(folder.glob("*.toml"))
    assert len(files) == 1
    return files[0]


@pytest.mark.slow
async def test_new_answer_all_result_plan(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    instrument = builtin_instrument()
    app = make_app(folder, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NewScreen)
        await type_text(pilot, "Northfield PCT")
        await pilot.press("enter")
        await type_text(pilot, "Ann Smith")
        await pilot.press("enter")
        await type_text(pilot, "Equality lead")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        path = only_file(folder)

        for n, question in enumerate(instrument.questions):
            assert app.screen.question is question
            if n == 0:
                await pilot.press("t")
                await type_text(pilot, "Board paper due")
                await pilot.press("escape")  # leaving the field saves the note
                assert load_assessment(path).answers[question.id].note == "Board paper due"
            if question.kind == "text":
                await pilot.press("enter")  # opens the answer field
                await type_text(pilot, f"answer {n}")
                await pilot.press("enter")
            elif n == 4:
                await pilot.press("d")
            else:
                await pilot.press(str(1 + n % len(question.options)))
            await pilot.pause()
            saved = load_assessment(path)  # saved at once, before the next question
            assert resolve(question, saved.answer(question.id)) is not AnswerState.UNANSWERED

        assert isinstance(app.screen, ReviewScreen)  # question 5 is a don't know
        await pilot.press("s")
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert not load_assessment(path).plan_started  # looking at the plan writes nothing
        await pilot.press("A")  # adopt every suggestion
        await pilot.pause()
        suggested = load_assessment(path).priorities
        assert suggested and len(suggested) <= 5
        await pilot.press("a")
        assert isinstance(app.screen, PriorityEditor)
        await type_text(pilot, "Staff workshops")
        await pilot.press("enter", "enter")  # to the area select and past it
        app.screen.query_one("#lead", Input).focus()
        await type_text(pilot, "Dr Patel")
        app.screen.query_one("#target", Input).focus()
        await type_text(pilot, "2026-09-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("up", "x")  # remove the first suggestion
        await pilot.pause()

    saved = load_assessment(path)
    assert (saved.organisation, saved.respondent, saved.role, saved.date) == (
        "Northfield PCT",
        "Ann Smith",
        "Equality lead",
        TODAY,
    )
    result = score(instrument, saved)
    assert result.completeness.answered == len(instrument.questions) - 1
    assert result.completeness.dont_know == 1
    assert saved.answers[instrument.questions[0].id].note == "Board paper due"
    text_ids = [q.id for q in instrument.questions if q.kind == "text"]
    assert all(saved.answers[q].text.startswith("answer ") for q in text_ids)
    titles = [p.title for p in saved.priorities]
    assert titles[-1] == "Staff workshops"
    assert len(titles) == len(suggested)  # one added, one removed
    added = saved.priorities[-1]
    assert added.lead == "Dr Patel" and added.target is not None and added.target.isoformat() == "2026-09-30"


async def test_radar_changes_the_moment_an_answer_is_given(tmp_path: Path) -> None:
    async with questions_open(tmp_path, size=(120, 40)) as (_app, pilot, screen, _later):
        assert screen.question.kind == "ladder"  # the first open question of the fixture
        radar = screen.query_one(Radar)
        before = radar.picture_text()
        await pilot.press("1")  # the area stood at step 4 from its one answer so far
        after = radar.picture_text()
        assert after != before
        await pilot.press("r")  # the other view: the dimensions
        assert radar.picture_text() != after
        assert radar.data is not None and radar.data.title.endswith("fit, by dimension")


async def test_earlier_assessment_is_drawn_and_can_be_turned_off(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    app = make_app(later.parent, later)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        radar = app.screen.query_one(Radar)
        assert radar.data is not None and len(radar.data.outlines) == 2
        assert radar.data.outlines[1].name.startswith("2025-03-31")
        assert any("dashed: 2025-03-31" in line for line in radar.picture_text())
        await pilot.press("c")
        assert len(radar.data.outlines) == 1


async def test_note_is_saved_after_a_pause_in_typing(tmp_path: Path) -> None:
    # The pause is the app's idle-save delay (2 s in use), made short here.
    async with questions_open(tmp_path, idle_save=0.2) as (app, pilot, screen, later):
        qid = screen.question.id
        await pilot.press("t")
        await type_text(pilot, "ask the board")
        assert load_assessment(later).answer(qid) is None
        await pilot.pause(0.5)
        assert load_assessment(later).answers[qid].note == "ask the board"
        assert isinstance(app.focused, Input)  # saving did not move the cursor away


async def test_previous_and_next_are_never_blocked_and_resume_opens_the_file(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    app = make_app(later.parent)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")  # the newest change first: the later Northfield
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.store.path == later
        start = screen.index
        await pilot.press("right", "right", "left")
        assert screen.index == start + 1
        await pilot.press("j")
        await pilot.press("home", "enter")  # the first question (home skips the section heading)
        assert screen.index == 0
        await pilot.press("left")
        assert screen.index == 0


async def test_too_small_shows_a_notice_and_comes_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_help_lists_keys_of_every_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one(Static).render())
    for words in ("Questions", "1 - 9", "Don't know", "Plan", "Remove", "Command palette", "Quit"):
        assert words in text


def test_a_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    from tests.conftest import run_stick

    done = run_stick([str(tmp_path / "nope.toml")])
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("stick: ")


def test_app_start_does_not_import_openpyxl_or_questionary() -> None:
    import subprocess
    import sys

    code = (
        "import sys, tui.app.command, tui.app.factory, tui.app.app; "
        "print(any(m.split('.')[0] in ('openpyxl', 'questionary') for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent
    )
    assert done.stdout.strip() == "False", done.stderr


async def test_chosen_option_and_cursor_read_without_colour(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (_app, pilot, screen, _later):
        await pilot.press("2", "left", "down")
        options = screen.query_one(QuestionPane)
        text = options.text().splitlines()
        prompts = [text[options.option_rows(n)[0]] for n in range(len(options.labels))]
        assert prompts[0].startswith(" [ ] 1. ")
        assert prompts[1].startswith(" [x] 2. ")  # the chosen one, in words
        assert prompts[2].startswith(">[ ] 3. ")  # the cursor, in words


async def test_quitting_while_typing_a_note_keeps_it(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (_app, pilot, screen, later):
        qid = screen.question.id
        await pilot.press("t")
        await type_text(pilot, "last words")
        await pilot.press("ctrl+q")
    assert load_assessment(later).answers[qid].note == "last words"


@asynccontextmanager
async def plan_open(tmp_path: Path) -> AsyncIterator[tuple[StickApp, Pilot[None], PlanScreen, Path]]:
    """The earlier demo assessment (it has a plan) open at its plan screen."""
    folder = tmp_path / "answers"
    demo_folder(folder)
    earlier = folder / "Northfield-PCT-2025-03-31.toml"
    app = make_app(folder, earlier)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        yield app, pilot, screen, earlier


async def test_plan_warns_past_five_priorities_but_allows_them(tmp_path: Path) -> None:
    async with plan_open(tmp_path) as (_app, pilot, screen, earlier):
        before = len(load_assessment(earlier).priorities)
        await pilot.press("a")
        await type_text(pilot, "Board seminar")
        await pilot.press("ctrl+s")
        await pilot.pause()
        warning = str(screen.query_one("#warning", Static).render())
    assert before >= 5
    assert warning.startswith(f"Warning: {before + 1} priorities")
    assert load_assessment(earlier).priorities[-1].title == "Board seminar"


async def test_an_emptied_plan_stays_empty(tmp_path: Path) -> None:
    async with plan_open(tmp_path) as (app, pilot, _screen, earlier):
        count = len(load_assessment(earlier).priorities)
        await pilot.press(*["x"] * count)
        await pilot.pause()
        await pilot.press("escape", "p")  # away and back: not filled with suggestions again
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
    saved = load_assessment(earlier)
    assert saved.priorities == () and saved.plan_started
    assert "priorities = []" in earlier.read_text(encoding="utf-8")
