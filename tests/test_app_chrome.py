"""The title and key lines, the note that is a line of text until it is opened, and the start-up collector."""

from __future__ import annotations

import gc
from pathlib import Path

from textual.widgets import Input

from surveys.files.response_file import load_assessment
from surveys.instruments.instrument_file import builtin_bytes
from tests.app_support import questions_open
from tests.test_app_flow import type_text
from tui.app.chrome import KeyBar, TitleBar
from tui.app.context import AssessmentContext
from tui.app.question import QuestionScreen
from tui.app.question_pane import QuestionPane
from tui.app.radar import Radar
from tui.app.result import ResultScreen
from tui.cli import run


def _keys(screen: QuestionScreen | ResultScreen) -> list[tuple[str, str]]:
    return [(shown, description) for _, shown, description, _ in screen.query_one(KeyBar).pairs()]


async def test_key_line_groups_keys_and_fits_80_columns(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (_app, _pilot, screen, _later):
        keys = _keys(screen)
        assert keys[:4] == [("1-9", "Choose"), ("d", "Don't know"), ("t", "Note"), ("←/→", "Move")]
        assert keys[-2:] == [("^q", "Quit"), ("?", "Keys")]
        line = str(screen.query_one(KeyBar).render())
        assert len(line.rstrip()) <= 80 and line.rstrip().endswith("? Keys")
        title = str(screen.query_one(TitleBar).render())
        assert title.strip() == f"stick · Questions · {screen.store.assessment.organisation}"


async def test_clicking_a_key_presses_it(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (app, pilot, _screen, _later):
        bar = app.screen.query_one(KeyBar)
        start = next(start for start, _, key in bar._spans if key == "s")
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def test_a_note_is_a_line_until_t_opens_it_and_character_keys_leave_the_key_line(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (app, pilot, screen, later):
        assert not screen.query(Input)  # no field is built until one is needed
        qid = screen.question.id
        await pilot.press("t")
        await pilot.pause()
        note = screen.query_one("#note", Input)
        assert app.focused is note
        shown = [shown for shown, _ in _keys(screen)]
        assert "d" not in shown and "1-9" not in shown and "?" not in shown  # they type into the note
        assert "^q" in shown
        await type_text(pilot, "ask the board")
        await pilot.press("escape")
        await pilot.pause()
        assert load_assessment(later).answers[qid].note == "ask the board"
        assert not note.display
        assert "Note: ask the board" in screen.query_one(QuestionPane).text()
        assert next(shown for shown, _ in _keys(screen)) == "1-9"
        await pilot.press("t")  # opens again on the note as saved
        await pilot.pause()
        assert note.display and note.value == "ask the board" and app.focused is note


async def test_the_earlier_outline_arriving_while_the_screen_goes_is_harmless(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (app, pilot, screen, _):
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.context is not None
        found = app.context.comparison.choices
        assert found  # the fixture folder holds an earlier assessment
        await screen.query_one(Radar).remove()
        app._compare_with(app.context, found)  # as if the search answered now: no NoMatches
        assert app.context.comparison.chosen is not None
        fresh = AssessmentContext(screen.store, app, idle_save=app.idle_save)
        app._compare_with(fresh, [])  # nothing found: nothing changes
        assert fresh.comparison.chosen is None


async def test_the_app_turns_the_collector_back_on_after_its_first_frame(tmp_path: Path) -> None:
    gc.disable()  # as `stick` starts (tui.cli.main)
    try:
        async with questions_open(tmp_path):
            assert gc.isenabled()
    finally:
        gc.enable()


def test_every_other_command_turns_the_collector_on_at_once(tmp_path: Path) -> None:
    instrument = tmp_path / "ours.toml"
    instrument.write_bytes(builtin_bytes())
    gc.disable()
    try:
        assert run(["check", str(instrument)]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()


async def test_esc_leaves_a_text_answer_so_the_keys_act_again(tmp_path: Path) -> None:
    async with questions_open(tmp_path) as (app, pilot, screen, later):
        screen.show_index(next(i for i, q in enumerate(screen.questions) if q.kind == "text"))
        await pilot.pause()
        qid = screen.question.id
        assert not isinstance(app.focused, Input)  # arriving opens nothing: the keys are commands
        await pilot.press("enter")
        assert isinstance(app.focused, Input) and app.focused.id == "answer"
        await pilot.press("ctrl+u")  # the old answer, deleted from the cursor back
        await type_text(pilot, "the May board")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.focused, Input)
        assert load_assessment(later).answers[qid].text == "the May board"
        assert ": answered" in screen.query_one(QuestionPane).text()
        before = screen.index
        await pilot.press("left")  # a command again, not a cursor move in the field
        assert screen.index == before - 1
