"""Home's filter field: one line, whose enter says what it does on the key line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class FilterField(Input):
    """Typed into, Home's rows narrow; enter goes to the first match, esc shows every row again.

    Both run as the key arrives (priority), so a key typed straight after enter
    reaches the rows, not the field: Input's own enter only posts a message.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.first_match", "First match", priority=True),
        Binding("escape", "screen.clear_filter", "Clear filter", priority=True),
    ]
    DEFAULT_CSS = """
    FilterField { border: none; height: 1; padding: 0 1; margin: 0; }
    FilterField:focus { border: none; }
    """

    def __init__(self, narrow: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._narrow = narrow

    def watch_value(self, value: str) -> None:
        # As each key lands, not when the Changed message is read: a key typed after it (enter,
        # down, x) must meet the rows already narrowed.
        self._narrow(value)
