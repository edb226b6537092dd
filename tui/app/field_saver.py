"""Typed text is saved as its field is left, and after a pause in typing.

The question screen's note and text answer, and each field of the priority
editor, save through one of these: a change starts (or restarts) a timer of
`idle` seconds, and leaving the field, enter, moving on or quitting saves at
once. So a kill loses at most the last `idle` seconds of typing, and ctrl+q
loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from textual.timer import Timer
from textual.widget import Widget


@runtime_checkable
class Flushable(Protocol):
    """A screen holding typed text not yet saved; the app flushes it before quitting."""

    def flush(self) -> None: ...


class FieldSaver:
    def __init__(self, owner: Widget, idle: float, save: Callable[[str], object]) -> None:
        self._owner = owner
        self._idle = idle
        self._save = save
        self._pending: dict[str, Timer] = {}

    def changed(self, name: str) -> None:
        """Field `name` was typed in: save it once typing pauses."""
        if name in self._pending:
            self._pending[name].stop()
        self._pending[name] = self._owner.set_timer(self._idle, lambda: self._idle_save(name))

    def pending(self, name: str) -> bool:
        return name in self._pending

    def flush(self, name: str | None = None) -> None:
        """Save now what is waiting: field `name`, or every field."""
        for waiting in [name] if name is not None else list(self._pending):
            timer = self._pending.pop(waiting, None)
            if timer is not None:
                timer.stop()
                self._save(waiting)

    def _idle_save(self, name: str) -> None:
        if self._pending.pop(name, None) is not None:
            self._save(name)
