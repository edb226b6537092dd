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

One gap is left by Textual itself: a form (the New form, the priority
editor) gives its first field the focus a moment after it is shown, and keys
typed before then have nowhere to go. `KeyQueue` holds every key from the
moment such a form is on top without a focused field, and hands them on, in
order, as soon as the field has the focus.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Awaitable, Callable
from functools import cache
from typing import Any

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
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


# Past this, held keys are handed on wherever the focus is: a form that never
# focuses a field must not swallow the keyboard.
HOLD_AT_MOST = 0.5


class KeyQueue:
    """The app's keys, applied in the order typed across screens that open on a field."""

    def __init__(self, app: App[Any], handle: Callable[[events.Event], Awaitable[None]]) -> None:
        self._app = app
        self._handle = handle  # what the app does with an event it does not apply itself
        self._held: list[events.Key | events.Paste] = []
        self._since = 0.0
        self._timer: Timer | None = None
        self._opened: weakref.WeakSet[Screen[Any]] = weakref.WeakSet()

    def _waiting_for_a_field(self) -> bool:
        """A form is on top whose first field has not had the focus yet."""
        screen = self._app.screen
        if not getattr(screen, "OPENS_ON_A_FIELD", False) or screen in self._opened:
            return False
        if typing_into(screen.focused):
            self._opened.add(screen)  # from now on its keys go where its focus is, even to a drop-down
            return False
        return True

    async def take(self, event: events.Event) -> bool:
        """Deal with `event` if it is a key or a paste; False for anything else."""
        if not isinstance(event, events.Key | events.Paste) or event.is_forwarded:
            return False
        if self._held or self._waiting_for_a_field():
            if not self._held:
                self._since = time.monotonic()
                self._timer = self._app.set_interval(0.01, self._release)
            self._held.append(event)
            return True
        await self._apply(event)
        return True

    async def _release(self) -> None:
        if self._waiting_for_a_field() and time.monotonic() - self._since < HOLD_AT_MOST:
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        held, self._held = self._held, []
        for event in held:
            await self._apply(event)

    async def _apply(self, event: events.Key | events.Paste) -> None:
        if isinstance(event, events.Key):
            if not await applied_now(self._app, event):
                await self._handle(event)
        elif not pasted_now(self._app, event):
            await self._handle(event)
