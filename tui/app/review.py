"""Before the result: the questions answered "don't know" or left empty, each a row; enter goes there.

Shown on leaving the last question while some are left (surveys.editing.session
`to_review`). Looking writes nothing: a row only moves the questions there.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from surveys.model.answers import AnswerState
from surveys.model.instrument import Question
from tui.app.jump import STATE_MARK

# What the review dismisses with to go on to the result; a question's index goes there; None stays.
ON_TO_RESULT = -1

ROW_WORDS = {
    AnswerState.DONT_KNOW: "don't know",
    AnswerState.UNANSWERED: "not answered",
    AnswerState.NEEDS_REVIEW: "answer again",
}


def review_rows(questions: tuple[Question, ...], listed: tuple[tuple[int, AnswerState], ...]) -> list[str]:
    """One line a question: its mark, number, what is left, and its text."""
    return [f"{STATE_MARK[state]} {i + 1}. {ROW_WORDS[state]}: {questions[i].text}" for i, state in listed]


def review_title(listed: tuple[tuple[int, AnswerState], ...]) -> str:
    unknown = sum(state is AnswerState.DONT_KNOW for _, state in listed)
    parts = [f"{unknown} don't know"] if unknown else []
    if len(listed) > unknown:
        parts.append(f"{len(listed) - unknown} not answered")
    return "Before the result: " + ", ".join(parts)


class ReviewScreen(ModalScreen[int | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "go", "Go to the question", tooltip="Go to the question under the cursor"),
        Binding("s,right", "result", "On to the result", tooltip="Leave these as they are and show the result"),
        Binding("escape", "cancel", "Back", tooltip="Back to the last question"),
    ]
    DEFAULT_CSS = """
    ReviewScreen { align: center middle; }
    ReviewScreen > #box { width: 90%; height: auto; max-height: 90%; border: round $accent; background: $surface; }
    ReviewScreen OptionList, ReviewScreen OptionList:focus { height: auto; max-height: 80vh; border: none; }
    ReviewScreen #how { height: auto; padding: 0 1; }
    """

    def __init__(self, questions: tuple[Question, ...], listed: tuple[tuple[int, AnswerState], ...]) -> None:
        super().__init__()
        self.questions = questions
        self.listed = listed

    def compose(self) -> ComposeResult:
        rows = review_rows(self.questions, self.listed)
        # A ">" marks the row under the cursor, so it shows without colour (as on the jump list).
        options = [Option(Text(f" {row}"), id=f"q:{i}") for row, (i, _) in zip(rows, self.listed, strict=True)]
        with Vertical(id="box") as box:
            box.border_title = review_title(self.listed)
            yield Static("enter goes to the question · s or → on to the result · esc back", id="how", markup=False)
            yield OptionList(*options)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        options = event.option_list
        for index in range(options.option_count):
            text = str(options.get_option_at_index(index).prompt)
            mark = ">" if index == event.option_index else " "
            if text[0] != mark:
                options.replace_option_prompt_at_index(index, Text(mark + text[1:]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(int(event.option.id[2:]))

    def action_go(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id:
                self.dismiss(int(option.id[2:]))

    def action_result(self) -> None:
        self.dismiss(ON_TO_RESULT)

    def action_cancel(self) -> None:
        self.dismiss(None)
