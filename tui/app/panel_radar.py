"""The panel's radar: the agreed shape solid, one group's or one rater's shape as the dashed outline.

Drawn with the radar the question screen uses (tui/app/radar_data.py), which
draws one outline beside the current shape: several dashed outlines on one
braille chart cannot be told apart without colour, so `c` steps through
them, each group first, then each rater, then none, and the legend names the
one drawn.
"""

from __future__ import annotations

from typing import NamedTuple

from surveys.panel.session import PanelSession
from surveys.results.radar_views import View
from surveys.results.scoring import Result, score
from surveys.terminal_text import terminal_safe
from tui.app.radar_data import RadarData, radar_of


class Outline(NamedTuple):
    kind: str  # "group" or "rater"
    key: str  # the group's name, or the rater's key
    name: str  # as the legend says it


def outlines(session: PanelSession) -> tuple[Outline, ...]:
    """Every outline `c` can show, in its order: each group (when there are several), then each rater."""
    raters = session.raters
    groups = tuple(Outline("group", g, f"{terminal_safe(g)} (group)") for g in raters.groups)
    people = tuple(
        Outline("rater", r.key, f"{terminal_safe(r.respondent or r.key)} ({terminal_safe(r.group)})")
        for r in raters.raters
    )
    return (groups if len(groups) > 1 else ()) + people


class PanelOutlines:
    """Which outline is drawn; kept by name, so a rater arriving or leaving does not move it."""

    def __init__(self, session: PanelSession) -> None:
        self.session = session
        self.chosen: Outline | None = next(iter(outlines(session)), None)
        self._scored: dict[Outline, tuple[object, Result]] = {}

    def cycle(self) -> str:
        """The next outline, or none after the last; what is drawn now, in words."""
        listed = outlines(self.session)
        if self.chosen in listed:
            at = listed.index(self.chosen) + 1
            self.chosen = listed[at] if at < len(listed) else None
        else:
            self.chosen = listed[0] if listed else None
        return self.describe()

    def describe(self) -> str:
        if self.chosen is None:
            return "Radar: the agreed ratings alone (c draws each group's and each rater's outline)."
        return f"Radar: agreed ratings solid, {self.chosen.name} dashed. c shows the next."

    def _result(self) -> Result | None:
        chosen = self.chosen
        if chosen is None or chosen not in outlines(self.session):
            return None
        if chosen.kind == "group":
            assessment = self.session.group_assessment(chosen.key)
        else:
            found = [r.assessment for r in self.session.raters.raters if r.key == chosen.key]
            if not found:
                return None
            assessment = found[0]
        kept = self._scored.get(chosen)
        if kept is None or kept[0] != assessment:
            # Scored again only when the rater's reading (or the group's) is a new one.
            kept = (assessment, score(self.session.instrument, assessment))
            self._scored[chosen] = kept
        return kept[1]

    def radar(self, view: View, marked: tuple[int, ...] = ()) -> RadarData:
        outline = self._result()
        results = [("agreed", self.session.result)]
        if outline is not None and self.chosen is not None:
            results.append((self.chosen.name, outline))
        data = radar_of(self.session.instrument, view, results, marked)
        return data._replace(title=f"Agreed: {data.title}")
