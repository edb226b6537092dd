"""Command keys: they act the moment they arrive, and are plain text while a field is typed in.

Textual hands a key to the focused widget and lets it travel up to the screen's
bindings later; keys typed on straight after it (a fast typist on a slow PC,
tmux) have by then been handed to the same widget too. So after `t`, the `d`
of "did the board" still reached the questions and recorded "don't know"
before the note field had the focus. A priority binding is run by the app as
the key arrives instead, in order, and moves the focus before the next key is
handed on. While a text field has the focus, a screen's command keys step
aside (check_action says no) and the field gets them as text.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any, TypeVar

from textual import events
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

ResultType = TypeVar("ResultType")


def command(
    key: str,
    action: str,
    description: str,
    *,
    show: bool = True,
    key_display: str | None = None,
    tooltip: str = "",
    group: Binding.Group | None = None,
) -> Binding:
    """A binding run as its key arrives (see the module's note)."""
    return Binding(
        key,
        action,
        description,
        show=show,
        key_display=key_display,
        priority=True,
        tooltip=tooltip,
        group=group,
        id=f"command-{action}",
    )


def typing_into(widget: Widget | None) -> bool:
    # No Input can exist before its module is imported, and importing it just
    # to ask would cost the first frame what the question screen saves.
    # Textual internal: the private module's name (guarded by tests/test_app_typeahead.py).
    module = sys.modules.get("textual.widgets._input")
    return widget is not None and module is not None and isinstance(widget, module.Input)


def field_key(key: str, action: str, description: str) -> Binding:
    """A key that acts on the text field being typed in, as it arrives (enter, esc).

    Run by the app in the order typed, like the command keys, so the key after
    enter lands where enter has just moved the focus. While no field has the
    focus it steps aside, and the key goes where it would have gone anyway.
    """
    return Binding(key, action, description, show=False, priority=True, id=f"field-{action}")


def _action_name(binding: Binding) -> str:
    return binding.action.split("(")[0]


@cache
def command_actions(screen_class: type[Screen[Any]]) -> frozenset[str]:
    """The action names a screen class binds to command keys."""
    return frozenset(
        _action_name(b) for b in Binding.make_bindings(screen_class.BINDINGS) if (b.id or "").startswith("command-")
    )


@cache
def field_actions(screen_class: type[Screen[Any]]) -> frozenset[str]:
    """The action names a screen class binds to field keys."""
    return frozenset(
        _action_name(b) for b in Binding.make_bindings(screen_class.BINDINGS) if (b.id or "").startswith("field-")
    )


def catch_up(screen: Screen[Any], event: events.Key) -> None:
    """Give a form's first field the keys typed before it had the focus.

    Keys typed straight after the one that opened a form (`n` on Home) reach
    the new screen before any field has the focus, so they come to the screen
    itself; by the time it handles them the first field has it. Call from the
    form's on_key: printable keys that got this far belong in that field.
    """
    focused = screen.focused
    if event.is_printable and event.character and typing_into(focused):
        from textual.widgets import Input

        assert isinstance(focused, Input)
        focused.insert_text_at_cursor(event.character)
        event.stop()


def gives_way(screen: Screen[Any], action: str) -> bool:
    """True when `action` must step aside: a command key while a field is typed in, a field key while not."""
    typing = typing_into(screen.focused)
    cls = type(screen)
    return action in command_actions(cls) if typing else action in field_actions(cls)


class CommandScreen(Screen[ResultType]):
    """A screen whose command keys give way to a text field that has the focus."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return False if gives_way(self, action) else super().check_action(action, parameters)


class CommandModal(ModalScreen[ResultType]):
    """A dialog whose command keys give way to a text field that has the focus."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return False if gives_way(self, action) else super().check_action(action, parameters)


def closed_a_drop_down(screen: Screen[Any]) -> bool:
    """Close an open drop-down on `screen`; True when there was one.

    Esc is a form's own key, run as it arrives; an open drop-down takes it first.
    """
    from textual.widgets import Select

    for select in screen.query(Select):
        if select.expanded:
            select.expanded = False
            select.focus()
            return True
    return False
