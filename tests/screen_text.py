"""The screen as a reader sees it: the text of the rendered frame, one string a row.

Read from the app's own screenshot (an SVG of the composited screen), so a test
sees what is drawn at the terminal size, cut or wrapped as it is, not what a
widget was given.
"""

from __future__ import annotations

import html
import re
from typing import Any

from textual.app import App

_CELL = 12.2  # the width of one cell in Textual's screenshot SVG
_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+"'
    r' clip-path="url\(#[\w-]*line-(\d+)\)">([^<]*)</text>'
)


def screen_rows(app: App[Any]) -> list[str]:
    """Each row of the screen as plain text, trailing spaces dropped."""
    rows: dict[int, dict[int, str]] = {}
    for x, line, text in _TEXT.findall(app.export_screenshot()):
        start = round(float(x) / _CELL)
        cells = rows.setdefault(int(line), {})
        for i, char in enumerate(html.unescape(text).replace("\xa0", " ")):
            cells[start + i] = char
    out = []
    for n in range(max(rows, default=-1) + 1):
        cells = rows.get(n, {})
        out.append("".join(cells.get(c, " ") for c in range(max(cells, default=-1) + 1)).rstrip())
    return out


def screen_text(app: App[Any]) -> str:
    return "\n".join(screen_rows(app))


def flowing(lines: list[str]) -> str:
    """Wrapped lines read as one text: runs of spaces (a hanging indent, a line end) become one."""
    return " ".join(" ".join(lines).split())
