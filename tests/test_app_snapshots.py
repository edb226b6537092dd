"""Snapshots of every screen at 80x24 and 120x40, with fixed data and no cursor blink."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.app_support import TODAY, demo_folder
from tui.app.factory import make_app
from tui.app.home import HomeScreen

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The demo folder, named relative to the working folder so screens show the same path every run."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    demo_folder(tmp_path / "answers")
    yield Path("answers")
    monkeypatch.delenv("TZ")
    time.tzset()


async def home_listed(pilot: Pilot[None]) -> None:
    """Home's rows are on the screen: it says so (HomeScreen.listed), so no snapshot races the folder read."""
    for _ in range(500):
        if not any(isinstance(s, HomeScreen) and not s.listed for s in pilot.app.screen_stack):
            return
        await pilot.pause(0.01)
    raise AssertionError("Home never listed the folder")


def settle(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        await home_listed(pilot)
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        for screen in pilot.app.screen_stack:
            for field in screen.query(Input):
                field.cursor_blink = False
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


LATER = "Northfield-PCT-2026-03-31.toml"
CASES = {
    "home": (None, ()),
    "new": (None, ("n",)),
    "new_problems": (None, ("n", "ctrl+s")),
    "question": (LATER, ()),
    "question_dimensions": (LATER, ("r",)),
    "jump": (LATER, ("j",)),
    "review": (LATER, ("j", "end", "enter", "right")),
    "result": (LATER, ("s",)),
    "plan": ("Northfield-PCT-2025-03-31.toml", ("s", "p")),
    "priority": ("Northfield-PCT-2025-03-31.toml", ("s", "p", "enter")),
    "help": (None, ("question_mark",)),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("case", list(CASES))
def test_screen(case: str, size: tuple[int, int], folder: Path, snap_compare: Callable[..., bool]) -> None:
    file, keys = CASES[case]
    app = make_app(folder, folder / file if file else None, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=size, run_before=settle(*keys))


# The radar beside a question (issue 22): each kind of question, at both sizes, in colour and without.
RADAR_CASES = {
    "dimension_question": (LATER, ("j", "home", "enter")),  # the first question, its dimension's profiles marked
    "competence_question": (LATER, ()),  # the first open question: a competence area's
    "eds_outcome": ("eds", ()),  # EDS 2022's outcome 2B, among its domain's outcomes
}


def eds_file(folder: Path) -> Path:
    """An EDS 2022 assessment rated up to outcome 2A, beside the demo folder (its Home is not snapshotted)."""
    from surveys.instruments.instrument_file import builtin_instrument
    from tests.format2_support import saved, scored

    (folder / "eds").mkdir()
    return saved(folder / "eds", scored(builtin_instrument("eds2022"), [3, 2, 3, 1, 2]))


@pytest.mark.parametrize("colour", ["colour", "no_color"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("case", list(RADAR_CASES))
def test_radar(
    case: str,
    size: tuple[int, int],
    colour: str,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    snap_compare: Callable[..., bool],
) -> None:
    if colour == "no_color":
        monkeypatch.setenv("NO_COLOR", "1")
    file, keys = RADAR_CASES[case]
    path = eds_file(Path(".")) if file == "eds" else folder / file
    app = make_app(path.parent, path, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=size, run_before=settle(*keys))


def themes() -> list[str]:
    from textual.app import App

    return sorted(App().available_themes)


@pytest.mark.parametrize("theme", themes())
def test_radar_in_each_theme(theme: str, folder: Path, snap_compare: Callable[..., bool]) -> None:
    # The dimension question at 80x24: grid, marked spokes and shape must stay apart in every theme.
    app = make_app(folder, folder / LATER, today=lambda: TODAY)

    async def themed(pilot: Pilot[None]) -> None:
        pilot.app.theme = theme
        await settle("j", "home", "enter")(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=themed)


def test_too_small_notice(folder: Path, snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(make_app(folder, today=lambda: TODAY), terminal_size=(60, 20), run_before=settle())
