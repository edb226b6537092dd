"""An open assessment as the screens share it: the store, the radar views, the comparison.

The question and result screens show the same earlier assessment, so that
choice lives here and not on either screen, and so do their radar views. The
question screen's follows the question on screen (the engine says what each
feeds, surveys.results.radar_views) unless `r` chose one by hand: that choice
holds until a question of another section. The result's opens on the whole.

The comparison: earlier assessments of the same organisation (same instrument,
earlier date) are found in the background; the latest is drawn at once as a
dashed outline, and a key cycles through older ones and then "none".
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from surveys.model.instrument import Question
from surveys.model.responses import Assessment
from surveys.results.radar_views import View, next_view, views
from surveys.results.scoring import Result, score
from surveys.terminal_text import terminal_safe
from tui.app.radar_data import RadarData, radar_data
from tui.app.radar_follow import RadarFollow
from tui.app.store import Store


class Comparison:
    def __init__(self, choices: list[tuple[Path, Assessment]] | None = None) -> None:
        self.choices = choices or []
        self.index = 0 if self.choices else -1
        self._results: dict[int, Result] = {}

    def cycle(self) -> None:
        """Latest earlier, then older ones, then none, then round again."""
        if self.choices:
            self.index = self.index + 1 if self.index + 1 < len(self.choices) else -1

    @property
    def chosen(self) -> Assessment | None:
        return self.choices[self.index][1] if self.index >= 0 else None

    @property
    def chosen_path(self) -> Path | None:
        return self.choices[self.index][0] if self.index >= 0 else None

    @property
    def name(self) -> str:
        a = self.chosen
        if a is None:
            return ""
        who = f", {a.respondent}" if a.respondent else ""
        return terminal_safe(f"{a.date.isoformat()}{who}")

    def result(self, store: Store) -> Result | None:
        a = self.chosen
        if a is None:
            return None
        if self.index not in self._results:
            self._results[self.index] = score(store.instrument, a)
        return self._results[self.index]

    def describe(self) -> str:
        if not self.choices:
            return "No earlier assessment of this organisation to compare with."
        if self.chosen is None:
            return f"Comparison off ({len(self.choices)} earlier available)."
        return f"Comparing with {self.name} ({self.index + 1} of {len(self.choices)} earlier)."


class Navigator(Protocol):
    """Where the assessment's screens lead: the app gives them this, so no screen imports the app."""

    def show_result(self, context: AssessmentContext) -> None: ...

    def show_plan(self, context: AssessmentContext) -> None: ...


class AssessmentContext:
    def __init__(self, store: Store, navigator: Navigator, *, idle_save: float, view: View | None = None) -> None:
        self.store = store
        self.navigator = navigator
        self.idle_save = idle_save
        self.radar_follow = RadarFollow(store.instrument, view)
        self.result_view = views(store.instrument)[0]
        self.comparison = Comparison()

    @property
    def view(self) -> View:
        return self.radar_follow.view

    @property
    def marked(self) -> tuple[int, ...]:
        return self.radar_follow.marked

    def follow(self, question: Question) -> None:
        self.radar_follow.follow(question)

    def switch_view(self, question: Question) -> None:
        self.radar_follow.switch(question)

    def switch_result_view(self) -> None:
        """`r` on the result: its own next view."""
        self.result_view = next_view(self.store.instrument, self.result_view)

    @property
    def subtitle(self) -> str:
        """The organisation, and in words whether this stick may change it."""
        organisation = self.store.assessment.organisation
        holder = self.store.read_only
        return organisation if holder is None else f"{organisation} · READ-ONLY, open by {holder.user}"

    def read_only_notice(self) -> str:
        holder = self.store.read_only
        if holder is None:
            return ""
        return terminal_safe(f"Read-only: {holder.describe()} has it open. Nothing here is saved.")

    def radar(self) -> RadarData:
        """The question screen's radar: the view the question follows, its axes marked."""
        return radar_data(
            self.store.instrument,
            self.store.result,
            self.view,
            self.comparison.result(self.store),
            self.comparison.name,
            self.marked,
        )

    def result_radar(self) -> RadarData:
        """The result screen's radar: no question is on screen, so nothing is marked."""
        return radar_data(
            self.store.instrument,
            self.store.result,
            self.result_view,
            self.comparison.result(self.store),
            self.comparison.name,
        )
