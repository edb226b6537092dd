"""Keys typed into a text field are applied the moment the app reads them, in the order typed.

Textual hands a key for a field to the field's own queue, and runs the field's
editing bindings (backspace, ctrl+k, home...) only when the key has travelled
back up to the app. Keys typed in one burst (tmux, a paste, a fast typist on a
slow PC) therefore overtook each other: `t first enter 2` left the note
"first2", because `2` reached the note before enter had moved the focus, and
ctrl+k deleted a date typed after it. Here the app applies each printable key
and each editing key to the focused field itself, before it reads the next;
enter and esc are field keys of the screen (command_keys.field_key), also run
as they arrive. Every transition then sees the keys before it already done.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.widget import Widget

from tui.app.command_keys import typing_into


@cache
def _editing_keys(field_class: type[Widget]) -> dict[str, str]:
    """The field's own bindings (cursor moves, deletions), key -> action."""
    keys: dict[str, str] = {}
    for binding in Binding.make_bindings(field_class.BINDINGS):
        if binding.key not in ("enter", "tab", "shift+tab", "escape"):
            keys.setdefault(binding.key, binding.action)
    return keys


async def applied_now(app: App[Any], event: events.Key) -> bool:
    """Apply `event` to the focused text field now; False when it is not a field's key."""
    field = app.focused
    if not typing_into(field):
        return False
    from textual.widgets import Input

    assert isinstance(field, Input)
    if event.is_printable and event.character:
        _insert(field, event.character)
        return True
    action = _editing_keys(type(field)).get(event.key)
    if action is None:
        return False
    await app.run_action(action, field)
    return True


def pasted_now(app: App[Any], event: events.Paste) -> bool:
    """A paste goes into the focused field at once, like typed keys (its first line: a field is one line)."""
    field = app.focused
    if not typing_into(field) or not event.text:
        return False
    from textual.widgets import Input

    assert isinstance(field, Input)
    _insert(field, event.text.splitlines()[0] if event.text.splitlines() else "")
    return True


def _insert(field: object, text: str) -> None:
    from textual.widgets import Input

    assert isinstance(field, Input)
    selection = field.selection
    if selection.is_empty:
        field.insert_text_at_cursor(text)
    else:
        field.replace(text, *selection)
