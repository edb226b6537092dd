"""Help (`?`): every key on every screen, read from the screens' own bindings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.hanging import HangingText, Paragraph

Section = tuple[str, Sequence[BindingType]]

_KEY_NAMES = {
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "question_mark": "?",
    "slash": "/",
    "escape": "esc",
    "backspace": "backspace",
    "delete": "del",
    "enter": "enter",
}


def key_name(key: str) -> str:
    return " / ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in key.split(","))


def key_lines(sections: Sequence[Section]) -> list[str]:
    """Plain lines: a heading per screen, then one line a key."""
    lines: list[str] = []
    for title, bindings in sections:
        lines.append(title)
        numbered = False
        for b in bindings:
            if not isinstance(b, Binding):
                continue
            if b.action.startswith("choose(") or (b.key.isdigit() and b.group is not None):
                # The nine number keys are one line: the question screen's words, or the group's own tooltip.
                if not numbered:
                    words = "Choose that option, save it, go to the next question"
                    lines.append(f"  {'1 - 9':<18}{words if b.action.startswith('choose(') else b.tooltip}")
                    numbered = True
                continue
            lines.append(f"  {key_name(b.key):<18}{b.tooltip or b.description}")
        lines.append("")
    return lines


def glossary_paragraphs(glossary: Sequence[tuple[str, str]]) -> list[Paragraph]:
    """The instrument's glossary after the keys: the words a board member may not know, each meaning hung under it."""
    if not glossary:
        return []
    return [("", Content("Words used")), *((f"  {term}: ", Content(meaning)) for term, meaning in glossary)]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "close", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; height: 90%; border: round $accent; background: $surface;
        padding: 0 1; }
    """

    def __init__(self, sections: Sequence[Section], glossary: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.sections = sections
        self.glossary = glossary

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = "Keys (esc closes; ↑/↓ scroll)"
            yield Static("\n".join(key_lines(self.sections)), markup=False)
            if self.glossary:
                words = HangingText(id="glossary")
                words.update(glossary_paragraphs(self.glossary))
                yield words

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
