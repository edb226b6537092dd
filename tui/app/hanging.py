"""Text whose wrapped lines hang under their first word, not under their bullet or label.

At 80 columns most lines of the result wrap; "  - Board papers ..." read far
better with the second line under "Board" than under the dash. Textual wraps
a widget's text at its left edge, so these lines are wrapped here instead, at
the width the widget is given.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

# (head, body): the head starts the first line; later lines start with as many spaces.
Paragraph = tuple[str, Content]


def hang(head: str, body: Content, width: int) -> list[Content]:
    indent = cell_len(head)
    rows = body.wrap(max(1, width - indent))
    return [Content(head if row == 0 else " " * indent) + line for row, line in enumerate(rows)]


class HangingText(Widget):
    """Paragraphs, each wrapped with its own hanging indent."""

    DEFAULT_CSS = """
    HangingText { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._paragraphs: list[Paragraph] = []
        self._lines: list[Content] = []
        self._lines_for: int | None = None

    def update(self, paragraphs: list[Paragraph]) -> None:
        self._paragraphs, self._lines_for = paragraphs, None
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        if width != self._lines_for:
            self._lines = [line for head, body in self._paragraphs for line in hang(head, body, width)]
            self._lines_for = width
        return self._lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width))
