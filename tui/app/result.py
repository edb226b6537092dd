"""The result: placement, competence, adoption, implications, completeness, and the radar."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

from surveys.results.what_moved import moved_lines, review_moved, since_words
from surveys.terminal_text import terminal_safe
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen, command
from tui.app.context import AssessmentContext
from tui.app.hanging import HangingText
from tui.app.radar import Radar
from tui.app.result_text import result_text
from tui.app.side_by_side import body_css, stacked

if TYPE_CHECKING:
    from surveys.results.scoring import Result


class ResultScreen(CommandScreen[None]):
    TITLE = "Result"
    BINDINGS: ClassVar[list[BindingType]] = [
        command("p", "plan", "Plan"),
        command("r", "toggle_radar", "Radar view"),
        command("c", "compare", "Compare", tooltip="Cycle through earlier assessments to draw"),
        Binding("escape", "back", "Questions"),
    ]
    DEFAULT_CSS = (
        body_css("ResultScreen")
        + """
    ResultScreen #text { padding: 0 1; }
    """
    )

    def __init__(self, context: AssessmentContext) -> None:
        super().__init__()
        self.context = context

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="text"):
            yield HangingText(id="result")
        yield Radar(id="radar")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.context.subtitle
        self.set_class(stacked(self.size.width, self.size.height), "-stacked")
        self.query_one("#text").focus()
        self.show()

    def on_screen_resume(self) -> None:
        self.show()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(stacked(event.size.width, event.size.height), "-stacked")

    def show(self) -> None:
        store, comparison = self.context.store, self.context.comparison
        earlier = comparison.result(store)
        self.query_one("#result", HangingText).update(
            result_text(
                store.instrument,
                store.result,
                earlier,
                comparison.name,
                moved=self._moved(earlier),
                planned=frozenset(p.area for p in store.session.priorities),
            )
        )
        self.query_one(Radar).data = self.context.result_radar()

    def _moved(self, earlier: Result | None) -> tuple[str, list[str]] | None:
        """What moved since the earlier assessment drawn (the engine's words); None when none is."""
        store, comparison = self.context.store, self.context.comparison
        chosen, path = comparison.chosen, comparison.chosen_path
        if earlier is None or chosen is None or path is None:
            return None
        moved = review_moved(store.instrument, chosen, earlier, store.assessment, store.result)
        return terminal_safe(since_words(path.name, chosen)), [
            terminal_safe(line) for line in moved_lines(store.instrument, moved)
        ]

    def action_plan(self) -> None:
        self.context.navigator.show_plan(self.context)

    def action_toggle_radar(self) -> None:
        self.context.switch_result_view()
        self.show()

    def action_compare(self) -> None:
        self.context.comparison.cycle()
        self.show()
        self.notify(self.context.comparison.describe())

    def action_back(self) -> None:
        self.dismiss(None)
