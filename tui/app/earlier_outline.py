"""The earlier assessment of the organisation, looked for after the first frame.

Its outline is drawn dashed on the radar and its "what moved" said on the Result;
the search reads the folder in a worker and posts what it found, so quitting never
waits for a share of thousands of files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from tui.app.background import background_turn
from tui.app.shell import AppShell

if TYPE_CHECKING:
    from surveys.model.responses import Assessment
    from tui.app.context import AssessmentContext


class EarlierFound(Message):
    """The earlier-assessment search has its answer for `context`."""

    def __init__(self, context: AssessmentContext, found: list[tuple[Path, Assessment]]) -> None:
        super().__init__()
        self.context = context
        self.found = found


class EarlierOutlineApp(AppShell):
    """The app's part that finds the earlier assessment and hands it to the screens."""

    instrument_path: Path | None

    @work(thread=True, exclusive=True, group="earlier")
    def _find_earlier(self, context: AssessmentContext) -> None:
        from textual.worker import get_current_worker

        from tui.app.folder import earlier_assessments

        worker = get_current_worker()
        store = context.store
        found = earlier_assessments(
            store.path.parent, store.path, store.assessment, self.instrument_path, background_turn(worker)
        )
        # post_message never waits for the app (call_from_thread would, past its exit).
        if found:
            self.post_message(EarlierFound(context, found))

    def on_earlier_found(self, message: EarlierFound) -> None:
        self._compare_with(message.context, message.found)

    def _compare_with(self, context: AssessmentContext, found: list[tuple[Path, Assessment]]) -> None:
        from tui.app.context import Comparison
        from tui.app.question import QuestionScreen
        from tui.app.radar import Radar
        from tui.app.result import ResultScreen

        if not found:
            return  # nothing to draw: the context already compares with nothing
        context.comparison = Comparison(found)
        self.notify(context.comparison.describe() + " c changes it.")
        screen = self.screen
        if isinstance(screen, QuestionScreen | ResultScreen) and screen.context is context:
            # query, not query_one: the answer can arrive while the screen is
            # being taken down (quitting at once), its radar already gone.
            for radar in screen.query(Radar):
                radar.data = context.result_radar() if isinstance(screen, ResultScreen) else context.radar()
            if isinstance(screen, ResultScreen) and screen.is_mounted:
                screen.show()  # what moved is said in its text
