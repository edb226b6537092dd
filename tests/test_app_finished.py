"""Finished is a state: a finished assessment opens at its result, and the last question leads through a review."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import OptionList

from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.answers import choose
from surveys.model.responses import with_answer
from tests.app_support import TODAY, answered, fixed, write
from tui.app.factory import make_app
from tui.app.home import HomeScreen
from tui.app.question import QuestionScreen
from tui.app.result import ResultScreen
from tui.app.review import ReviewScreen

# answered() gives question 6 a don't know; with upto=None every other question is answered.
DONT_KNOW_INDEX = 5


def finished_file(folder: Path, dont_know: bool = True) -> Path:
    a = answered("Northfield PCT", TODAY, 2)
    if not dont_know:
        q = builtin_instrument().questions[DONT_KNOW_INDEX]
        a = fixed(with_answer(a, choose(q, 1)))
    return write(folder, "Northfield-PCT-2026-03-31.toml", a)


def nearly_finished_file(folder: Path) -> Path:
    """Everything answered but the last question."""
    a = answered("Northfield PCT", TODAY, 2)
    last = builtin_instrument().questions[-1]
    answers = {qid: answer for qid, answer in a.answers.items() if qid != last.id}
    return write(folder, "Northfield-PCT-2026-03-31.toml", replace(a, answers=answers))


async def test_stick_file_on_a_finished_assessment_opens_its_result(tmp_path: Path) -> None:
    path = finished_file(tmp_path)
    app = make_app(tmp_path, path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("escape")  # the questions are beneath, to change an answer
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_home_resume_on_a_finished_assessment_opens_its_result(tmp_path: Path) -> None:
    finished_file(tmp_path)
    app = make_app(tmp_path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def test_an_unfinished_assessment_still_opens_at_its_first_open_question(tmp_path: Path) -> None:
    path = nearly_finished_file(tmp_path)
    app = make_app(tmp_path, path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.index == len(screen.questions) - 1


def review_rows(screen: ReviewScreen) -> list[str]:
    options = screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_answering_the_last_question_with_a_dont_know_left_shows_the_review(tmp_path: Path) -> None:
    path = nearly_finished_file(tmp_path)
    app = make_app(tmp_path, path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "x", "enter")  # the last question asks for text
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        rows = review_rows(review)
        assert len(rows) == 1 and f"{DONT_KNOW_INDEX + 1}." in rows[0] and "don't know" in rows[0]
        before = path.read_bytes()
        await pilot.press("enter")  # jumps to that question
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.index == DONT_KNOW_INDEX
        assert path.read_bytes() == before  # looking at the review wrote nothing


async def test_the_review_goes_on_to_the_result_and_esc_stays(tmp_path: Path) -> None:
    path = nearly_finished_file(tmp_path)
    app = make_app(tmp_path, path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("right")  # past the last question, still empty: the review lists it too
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        rows = review_rows(review)
        assert len(rows) == 2 and "not answered" in rows[1]
        before = path.read_bytes()
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.index == len(screen.questions) - 1
        await pilot.press("right", "s")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert path.read_bytes() == before


async def test_with_nothing_open_the_last_question_goes_straight_to_the_result(tmp_path: Path) -> None:
    path = finished_file(tmp_path, dont_know=False)
    app = make_app(tmp_path, path, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.show_index(len(screen.questions) - 1)
        await pilot.press("right")  # past the last: nothing to review
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter", "y", "enter")  # answering the last again
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
