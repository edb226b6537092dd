"""What the app writes is what the user did: viewing never writes, and nothing typed is dropped.

Each test is one thing seen when the app was tried by people who had not built it.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select

from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import Priority, with_note
from surveys.results.scoring import score
from surveys.results.suggestions import default_function, suggestion_title
from tests.app_support import STAMP, TODAY, answered, fixed, write
from tui.app.factory import make_app
from tui.app.plan import PlanScreen
from tui.app.priority_editor import PriorityEditor
from tui.app.question import QuestionScreen
from tui.app.result import ResultScreen


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def plan_rows(screen: PlanScreen) -> list[str]:
    table: DataTable[object] = screen.query_one(DataTable)
    return [" ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


def declined_plan(folder: Path) -> Path:
    """Every question answered, and no plan: the interview's "Add a priority?" was answered n."""
    return write(folder, "Northfield-PCT-2026-03-31.toml", answered("Northfield PCT", TODAY, 2))


async def test_looking_at_the_plan_writes_nothing(tmp_path: Path) -> None:
    path = declined_plan(tmp_path)
    before = path.read_bytes()
    app = make_app(tmp_path, path, today=lambda: TODAY, idle_save=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before


async def test_the_plan_shows_suggestions_marked_until_one_is_adopted(tmp_path: Path) -> None:
    path = declined_plan(tmp_path)
    instrument = builtin_instrument()
    result = score(instrument, load_assessment(path))
    first = suggestion_title(instrument, result.suggestions[0])
    app = make_app(tmp_path, path, today=lambda: TODAY, idle_save=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s", "p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        rows = plan_rows(screen)
        assert any(first in row and "suggested" in row for row in rows)
        assert not load_assessment(path).plan_started
        await pilot.press("enter")  # adopt the suggestion under the cursor
        await pilot.pause()
        saved = load_assessment(path)
        assert [p.title for p in saved.priorities] == [first]
        await pilot.press("A")  # adopt all the rest
        await pilot.pause()
    saved = load_assessment(path)
    assert len(saved.priorities) == len(result.suggestions)


async def test_an_old_file_is_not_rewritten_by_being_looked_at(tmp_path: Path) -> None:
    last_year = answered("Northfield PCT", TODAY - timedelta(days=365), 1, plan=True)
    path = write(tmp_path, "Northfield-PCT-2025-03-31.toml", last_year, STAMP - timedelta(days=365))
    before = path.read_bytes()
    app = make_app(tmp_path, path, today=lambda: TODAY, idle_save=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "left", "t")
        await pilot.pause(0.2)
        await pilot.press("escape", "j")
        await pilot.pause()
        await pilot.press("escape", "s", "p")
        await pilot.pause()
        await pilot.press("enter")  # the priority editor, then leave it without a change
        await pilot.pause(0.2)
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before


async def test_reopening_a_note_and_typing_adds_to_it(tmp_path: Path) -> None:
    instrument = builtin_instrument()
    first = instrument.questions[0].id
    a = fixed(with_note(answered("Northfield PCT", TODAY, 2, upto=3), first, "Board discussed in May"))
    path = write(tmp_path, "n.toml", a)
    app = make_app(tmp_path, path, today=lambda: TODAY, idle_save=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.show_index(0)
        await pilot.press("t")
        await type_text(pilot, " and again in June")
        await pilot.press("enter")
        await pilot.pause()
    assert load_assessment(path).answers[first].note == "Board discussed in May and again in June"


async def test_ctrl_q_in_the_priority_editor_keeps_the_edit(tmp_path: Path) -> None:
    path = write(tmp_path, "p.toml", answered("Northfield PCT", TODAY, 2, plan=True))
    app = make_app(tmp_path, path, today=lambda: TODAY, idle_save=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "p")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PriorityEditor)
        await pilot.press("end")
        await type_text(pilot, " now")
        await pilot.press("ctrl+q")
    assert load_assessment(path).priorities[0].title.endswith(" now")


async def test_a_priority_field_is_saved_after_a_pause_without_leaving_it(tmp_path: Path) -> None:
    path = write(tmp_path, "p.toml", answered("Northfield PCT", TODAY, 2, plan=True))
    app = make_app(tmp_path, path, today=lambda: TODAY, idle_save=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "p", "enter")
        await pilot.pause()
        await pilot.press("tab", "tab")  # title, area, lead
        await type_text(pilot, " and Dr Okafor")
        await pilot.pause(0.3)
        # Still in the field, nothing left: a kill now would keep what was typed.
        assert isinstance(app.screen, PriorityEditor)
        assert load_assessment(path).priorities[0].lead == "Dr Patel and Dr Okafor"


async def test_at_a_text_question_command_keys_keep_their_meaning(tmp_path: Path) -> None:
    instrument = builtin_instrument()
    text_index = next(i for i, q in enumerate(instrument.questions) if q.kind == "text")
    path = write(tmp_path, "t.toml", answered("Northfield PCT", TODAY, 2, upto=text_index))
    app = make_app(tmp_path, path, today=lambda: TODAY, idle_save=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.index == text_index
        assert not isinstance(app.focused, Input)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
    assert instrument.questions[text_index].id not in load_assessment(path).answers


async def test_a_text_question_opens_with_enter_and_saves_with_enter(tmp_path: Path) -> None:
    instrument = builtin_instrument()
    text_index = next(i for i, q in enumerate(instrument.questions) if q.kind == "text")
    path = write(tmp_path, "t.toml", answered("Northfield PCT", TODAY, 2, upto=text_index))
    app = make_app(tmp_path, path, today=lambda: TODAY, idle_save=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        assert isinstance(app.focused, Input)
        await type_text(pilot, "Our scheme")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.index == text_index + 1
    assert load_assessment(path).answers[instrument.questions[text_index].id].text == "Our scheme"


async def test_choosing_the_same_option_again_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "same.toml", answered("Northfield PCT", TODAY, 2, upto=3))
    saved = load_assessment(path)
    first = builtin_instrument().questions[0].id
    before = path.read_bytes()
    app = make_app(tmp_path, path, today=lambda: TODAY, idle_save=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.show_index(0)
        await pilot.press(str(saved.answers[first].choice))
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before


async def test_a_new_priority_takes_its_areas_business_function(tmp_path: Path) -> None:
    path = write(tmp_path, "p.toml", answered("Northfield PCT", TODAY, 2, plan=True))
    instrument = builtin_instrument()
    count = len(load_assessment(path).priorities)
    app = make_app(tmp_path, path, today=lambda: TODAY, idle_save=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "p", "a")  # a: add a priority
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, PriorityEditor)
        await type_text(pilot, "Ethnicity data")
        editor.query_one("#area", Select).value = instrument.areas[1].id
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_assessment(path)
    assert len(saved.priorities) == count + 1
    new = saved.priorities[-1]
    expected = default_function(instrument, score(instrument, saved), instrument.areas[1].id)
    assert (new.title, new.area, new.function) == ("Ethnicity data", instrument.areas[1].id, expected)


async def test_removing_a_priority_can_be_undone(tmp_path: Path) -> None:
    path = write(tmp_path, "p.toml", answered("Northfield PCT", TODAY, 2, plan=True))
    before = load_assessment(path).priorities
    app = make_app(tmp_path, path, today=lambda: TODAY, idle_save=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "p", "x")
        await pilot.pause()
        assert load_assessment(path).priorities == before[1:]
        await pilot.press("u")
        await pilot.pause()
    assert load_assessment(path).priorities == before


def test_priority_values_compare_by_their_fields() -> None:
    # The plan's no-change rule compares priorities; a priority is its fields.
    assert Priority(title="x", target=date(2026, 1, 1)) == Priority(title="x", target=date(2026, 1, 1))
