"""`--group`: a rater's group for a grading panel, checked by the engine's rule (surveys.panel.keys)."""

from __future__ import annotations

from surveys.errors import StickError
from surveys.panel.keys import rater_group


def rater_group_given(given: str | None) -> str:
    """The rater group --group gives ("" when it was not given); one line and exit 2 when it cannot be one."""
    if given is None:
        return ""
    try:
        return rater_group(given)
    except ValueError as exc:
        raise StickError(f"--group: {exc}") from None
