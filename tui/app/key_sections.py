"""Which keys help (`?`) lists, and in what order: the screen it was asked from first, then the rest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.app.help import Section

EVERYWHERE = "Everywhere"


def screens_keys(
    app_bindings: Sequence[BindingType],
) -> list[tuple[str, type[Screen[Any]] | None, Sequence[BindingType]]]:
    """Each screen's title, class and bindings, in the order a person meets them (the app's own first)."""
    from tui.app.changed_on_disk import ChangedOnDiskScreen
    from tui.app.discard import DiscardDialog
    from tui.app.export_dialog import ExportDialog
    from tui.app.home import HomeScreen
    from tui.app.jump import JumpScreen
    from tui.app.locked import LockedDialog
    from tui.app.new import NewScreen
    from tui.app.next_review_form import NextReviewScreen
    from tui.app.plan import PlanScreen
    from tui.app.priority_editor import PriorityEditor
    from tui.app.question import QuestionScreen
    from tui.app.result import ResultScreen
    from tui.app.review import ReviewScreen

    palette = Binding("ctrl+p", "command_palette", "Command palette: themes, screenshot, keys")
    return [
        (EVERYWHERE, None, [*app_bindings, palette]),
        ("Home", HomeScreen, HomeScreen.BINDINGS),
        ("New assessment", NewScreen, NewScreen.BINDINGS),
        ("Closing a form", DiscardDialog, DiscardDialog.BINDINGS),
        ("Next year's review", NextReviewScreen, NextReviewScreen.BINDINGS),
        ("Questions", QuestionScreen, QuestionScreen.BINDINGS),
        ("Jump list", JumpScreen, JumpScreen.BINDINGS),
        ("Before the result", ReviewScreen, ReviewScreen.BINDINGS),
        ("Result", ResultScreen, ResultScreen.BINDINGS),
        ("Plan", PlanScreen, PlanScreen.BINDINGS),
        ("Editing a priority", PriorityEditor, PriorityEditor.BINDINGS),
        ("File open elsewhere", LockedDialog, LockedDialog.BINDINGS),
        ("File changed outside stick", ChangedOnDiskScreen, ChangedOnDiskScreen.BINDINGS),
        ("Export to Excel", ExportDialog, ExportDialog.BINDINGS),
    ]


def key_sections(app_bindings: Sequence[BindingType], current: Screen[Any] | None = None) -> list[Section]:
    """Every screen's keys; those of `current` (the screen help was asked from) first, then the app's, then the rest."""
    listed = screens_keys(app_bindings)
    first = [(title, keys) for title, cls, keys in listed if cls is not None and isinstance(current, cls)][:1]
    rest = [(title, keys) for title, _cls, keys in listed if (title, keys) not in first]
    return [*first, *rest]
