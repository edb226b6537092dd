"""The jump list: every question on a line of its own, drawn only where it is on the screen."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from textual.content import Content

from surveys.files.response_file import save_assessment
from surveys.instruments.instrument_file import builtin_bytes, load_instrument
from surveys.model.responses import new_assessment
from tui.app.factory import make_app
from tui.app.jump import JumpScreen
from tui.app.jump_list import JumpList
from tui.app.question import QuestionScreen

TIMES = 10  # the built-in's sections ten times over: 330 questions


def _long_instrument(folder: Path) -> Path:
    doc = tomllib.loads(builtin_bytes().decode("utf-8"))
    sections = []
    for n in range(TIMES):
        for section in doc["sections"]:
            copied = {**section, "id": f"{section['id']}-{n}"}
            copied["questions"] = [{**q, "id": f"{q['id']}-{n}"} for q in section["questions"]]
            sections.append(copied)
    doc["sections"], doc["id"] = sections, "long"
    path = folder / "long.toml"
    path.write_bytes(tomli_w.dumps(doc).encode("utf-8"))
    return path


async def test_the_jump_list_of_a_long_instrument_wraps_no_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """3,300 questions: the list opened in 202 ms, Textual's list wrapping every question to know its height."""
    instrument_path = _long_instrument(tmp_path)
    instrument = load_instrument(instrument_path)
    path = tmp_path / "a.toml"
    save_assessment(path, new_assessment("Northfield PCT", "Ann", "Lead", instrument.id, instrument.version))
    app = make_app(tmp_path, path, instrument=instrument_path, config_dir=tmp_path / "config")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        await pilot.press("right", "right")
        wrapped: list[Any] = []
        wrap = Content.get_height

        def counted(self: Content, *args: Any, **kwargs: Any) -> int:
            wrapped.append(self)
            return wrap(self, *args, **kwargs)

        monkeypatch.setattr(Content, "get_height", counted)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, JumpScreen)
        assert len(wrapped) < 50, f"{len(wrapped)} texts wrapped to open the list"
        rows = app.screen.query_one(JumpList).rows
        assert len(instrument.questions) == 33 * TIMES
        assert len(rows) == len(instrument.sections) + len(instrument.questions)
        listed = app.screen.query_one(JumpList)
        assert rows[listed.cursor].question == 2  # it opens on the question being answered
        await pilot.press("end", "enter")
        await pilot.pause()
    assert screen.index == len(instrument.questions) - 1


async def test_the_cursor_passes_over_section_headings(tmp_path: Path) -> None:
    from tests.app_support import demo_folder

    later = demo_folder(tmp_path / "answers")
    app = make_app(later.parent, later, config_dir=tmp_path / "config")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.show_index(4)  # the first question of the second section
        await pilot.press("j")
        await pilot.pause()
        listed = app.screen.query_one(JumpList)
        assert listed.rows[listed.cursor].question == 4
        await pilot.press("up")  # over the heading, to the first section's last question
        assert listed.rows[listed.cursor].question == 3
        await pilot.press("home", "up")  # nothing before the first question
        assert listed.rows[listed.cursor].question == 0
        await pilot.press("down", "enter")
        await pilot.pause()
    assert screen.index == 1
