"""Long lines broken at word boundaries for a terminal of a given width.

A terminal breaks a line wherever it runs out of columns ("lives in Bu /
siness plan"); read aloud or on an 80-column screen that is hard going. Only
output to a terminal is wrapped: a script reading a pipe gets each line whole.
"""

from __future__ import annotations

import textwrap


def wrapped(text: str, width: int) -> str:
    """`text` with each of its lines broken before `width` columns, continuing under its own indent."""
    if width < 20:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if any(len(word) > width // 2 for word in line.split()):
            # A file's path or a command to paste: whole on one line, however long, so it can be copied.
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        # Under a list marker ("1. ", "- ") the rest of the item hangs under its first word.
        marker = len(line) - len(line.lstrip(" 0123456789.-)"))
        hanging = " " * (marker if marker > len(indent) else len(indent))
        out.extend(
            textwrap.wrap(line, width - 1, subsequent_indent=hanging, break_long_words=False, break_on_hyphens=False)
            or [""]
        )
    return "\n".join(out)
