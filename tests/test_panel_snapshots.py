"""The panel screen at 80x24 and 120x40: fixed raters, no cursor blink, notices cleared."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from surveys.panel.opening import open_panel
from surveys.panel.session import PanelSession
from tests.panel_app_support import raters_folder
from tui.app.panel_app import PanelApp

SIZES = [(80, 24), (120, 40)]
CASES = {
    "panel": (),
    "panel_discussion": ("right",),
    "panel_reason_refused": ("right", "4", "enter"),
}


@pytest.fixture
def session(tmp_path: Path) -> Iterator[PanelSession]:
    with open_panel([raters_folder(tmp_path / "raters")], tmp_path / "agreed.toml") as opened:
        yield opened


def settle(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("case", list(CASES))
def test_panel_screen(
    case: str, size: tuple[int, int], session: PanelSession, snap_compare: Callable[..., bool]
) -> None:
    app = PanelApp(session, poll=3600.0)
    assert snap_compare(app, terminal_size=size, run_before=settle(*CASES[case]))
