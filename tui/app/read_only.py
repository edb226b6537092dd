"""How a screen refuses a change to an assessment another stick has open.

Kept apart from the open-elsewhere dialog so the question screen, on the path
to the first frame, imports no more than this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from surveys.editing.session import ReadOnlyError
from tui.app.store import Store

if TYPE_CHECKING:
    from textual.widget import Widget


def refused(screen: Widget, store: Store) -> bool:
    """True, after a notification naming the holder, when `store` is read-only."""
    try:
        store.session.check_writable()
    except ReadOnlyError as exc:
        screen.notify(str(exc), title="Not saved", severity="warning", markup=False)
        return True
    return False
