"""The jump list: every question with its state; enter goes there."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from surveys.answers import AnswerState
from tui.app.store import Store

# Marks readable without colour, the same on every screen.
STATE_MARK = {
    AnswerState.ANSWERED: "[x]",
    AnswerState.DONT_KNOW: "[?]",
    AnswerState.UNANSWERED: "[ ]",
    AnswerState.NEEDS_REVIEW: "[!]",
}
STATE_WORDS = "[x] answered  [?] don't know  [ ] empty  [!] answer again"


class JumpScreen(ModalScreen[int | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Close")]
    DEFAULT_CSS = """
    JumpScreen { align: center middle; }
    JumpScreen > #box { width: 90%; height: 90%; border: round $accent; background: $surface; }
    JumpScreen OptionList, JumpScreen OptionList:focus { height: 1fr; border: none; }
    JumpScreen #legend { height: 1; padding: 0 1; }
    """

    def __init__(self, store: Store, current: int) -> None:
        super().__init__()
        self.store = store
        self.current = current
        self._pointed: int | None = None

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        options: list[Option | None] = []
        self._index_of: dict[str, int] = {}
        n = 0
        for section in self.store.instrument.sections:
            options.append(Option(Text(section.title), id=f"section:{section.id}", disabled=True))
            for question in section.questions:
                mark = STATE_MARK[self.store.session.state(question)]
                options.append(Option(Text(f" {mark} {n + 1}. {question.text}"), id=f"q:{n}"))
                n += 1
        with Vertical(id="box") as box:
            box.border_title = "Jump to a question"
            yield Static(STATE_WORDS, id="legend", markup=False)
            yield OptionList(*options)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = options.get_option_index(f"q:{self.current}")
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # A ">" beside the highlighted question, so the cursor shows without colour.
        options = event.option_list
        for index in (self._pointed, event.option_index):
            if index is not None and index < options.option_count and not options.get_option_at_index(index).disabled:
                text = str(options.get_option_at_index(index).prompt)
                mark = ">" if index == event.option_index else " "
                options.replace_option_prompt_at_index(index, Text(mark + text[1:]))
        self._pointed = event.option_index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("q:"):
            self.dismiss(int(event.option.id[2:]))

    def action_cancel(self) -> None:
        self.dismiss(None)
