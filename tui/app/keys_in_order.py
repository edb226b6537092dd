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

One gap is left by Textual itself: a screen gives its first widget the focus
a moment after it is shown (a form: its first field), and keys typed before
then have nowhere to go: enter straight after `p` never reached the plan.
`KeyQueue` holds every key from the moment such a screen is on top without
its first focus, and hands them on, in order, as soon as it has it.

Textual behaviour relied on, guarded by tests/test_app_typeahead.py and .ci/run's newest-Textual
step: App.on_event sees each key before it is routed, and Input's own bindings run by action name.
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
def _own_keys(widget_class: type[Widget]) -> dict[str, str]:
    """A widget's own bindings (cursor moves, deletions), key -> action; enter and esc are the screen's."""
    keys: dict[str, str] = {}
    for binding in Binding.make_bindings(widget_class.BINDINGS):
        if binding.key not in ("enter", "tab", "shift+tab", "escape"):
            keys.setdefault(binding.key, binding.action)
    return keys


async def applied_now(app: App[Any], event: events.Key) -> bool:
    """Apply `event` to the focused field (or a widget that asks for it) now; False when it is not theirs."""
    widget = app.focused
    if widget is None:
        return False
    if typing_into(widget):
        if event.is_printable and event.character:
            _insert(widget, event.character)
            return True
    elif not getattr(widget, "KEYS_IN_ORDER", False):
        return False
    action = _own_keys(type(widget)).get(event.key)
    if action is None:
        return False
    await app.run_action(action, widget)
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


# Past this, held keys are handed on wherever the focus is: a screen with
# nothing to focus must not swallow the keyboard.
HOLD_AT_MOST = 0.5


class KeyQueue:
    """The app's keys, applied in the order typed across screens that open on a field."""

    def __init__(self, app: App[Any], handle: Callable[[events.Event], Awaitable[None]]) -> None:
        self._app = app
        self._handle = handle  # what the app does with an event it does not apply itself
        self._held: list[events.Key | events.Paste] = []
        self._since: float | None = None
        self._timer: Timer | None = None
        self._opened: weakref.WeakSet[Screen[Any]] = weakref.WeakSet()

    def _waiting_for_focus(self) -> bool:
        """A screen is on top that has not had its first focus yet (a form: on its first field)."""
        screen = self._app.screen
        if screen in self._opened:
            return False
        focused = screen.focused
        if focused is not None and (typing_into(focused) or not getattr(screen, "OPENS_ON_A_FIELD", False)):
            self._opened.add(screen)  # from now on its keys go where its focus is, even to a drop-down
            return False
        return True

    async def take(self, event: events.Event) -> bool:
        """Deal with `event` if it is a key or a paste; False for anything else."""
        if not isinstance(event, events.Key | events.Paste) or event.is_forwarded:
            return False
        self._held.append(event)
        await self._release()
        return True

    async def _release(self) -> None:
        """Hand on the held keys in order, stopping again whenever a screen is waiting for its focus."""
        while self._held:
            if self._waiting_for_focus():
                if self._since is None:
                    self._since = time.monotonic()
                if time.monotonic() - self._since < HOLD_AT_MOST:
                    if self._timer is None:
                        self._timer = self._app.set_interval(0.01, self._release)
                    return
            self._since = None  # the next screen to wait waits from when it starts
            await self._apply(self._held.pop(0))
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    async def _apply(self, event: events.Key | events.Paste) -> None:
        if isinstance(event, events.Key):
            if not await applied_now(self._app, event):
                await self._handle(event)
        elif not pasted_now(self._app, event):
            await self._handle(event)
