"""Updating a text widget without laying the whole screen out again when its size stays the same.

Textual's `Static.update` lays the screen out by default: every widget is
placed again and the whole screen composited, which was most of an answer's
cost. When the new text wraps to as many lines as the old, only the widget's
own lines need drawing again.
"""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static


def update_in_place(widget: Static, content: VisualType) -> None:
    """Show `content` in `widget`; lay the screen out only if its height changes."""
    width = widget.content_size.width
    before = widget.content_size.height
    widget.update(content, layout=False)
    if width <= 0 or widget.get_content_height(widget.content_size, widget.app.size, width) != before:
        widget.refresh(layout=True)
