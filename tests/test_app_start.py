"""`stick FILE` opens straight at the questions; leaving them lands on Home."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.app_support import answered, write
from tui.app.factory import make_app
from tui.app.home import HomeScreen
from tui.app.question import QuestionScreen


async def test_file_opens_at_questions_and_escape_lands_on_home(tmp_path: Path) -> None:
    path = write(tmp_path, "north.toml", answered("Northfield PCT", date(2026, 3, 1), pick=1, upto=4))
    app = make_app(tmp_path, file=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.index == 4, "opens at the first unanswered question"
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack), "Home is not built until needed"
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Northfield PCT" in [item.organisation for item in app.screen.items]
