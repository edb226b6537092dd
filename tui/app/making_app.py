"""Making an assessment: the New form, and next year's review from this year's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from surveys.errors import StickError
from tui.app.opening_app import OpeningApp

if TYPE_CHECKING:
    from surveys.model.instrument import Instrument
    from tui.app.new import Draft
    from tui.app.store import Store


class MakingApp(OpeningApp):
    """The app's part that makes new assessment files and opens them."""

    today: Callable[[], date]

    def instrument(self) -> Instrument:
        from surveys.instruments.instrument_file import builtin_instrument, named_instrument

        return named_instrument(self.instrument_path) if self.instrument_path else builtin_instrument()

    def action_new_assessment(self) -> None:
        from surveys.model.vocabulary import vocabulary
        from tui.app.new import NewScreen, builtin_choices

        try:
            instrument = self.instrument()
        except StickError as exc:
            self.notify(str(exc), title="Cannot start", severity="error", markup=False, timeout=10)
            return
        choices = () if self.instrument_path else builtin_choices()
        example = vocabulary(instrument).organisation_example
        self.push_screen(NewScreen(self.today(), instrument.title, self._create, choices, example), self._created)

    def _create(self, draft: Draft) -> Store:
        """The new file, made in the folder; StickError when it cannot be (the form then stays as typed)."""
        from surveys.folders.storage import create_assessment_file
        from surveys.instruments.instrument_file import builtin_instrument, is_builtin_name
        from surveys.instruments.opening import INSTRUMENT_FILE_KEY, recorded_instrument_path
        from surveys.model.responses import new_assessment
        from surveys.panel.keys import GROUP_KEY
        from tui.app.store import Store

        instrument = builtin_instrument(draft.instrument) if draft.instrument else self.instrument()
        extra = {}
        if self.instrument_path is not None and not is_builtin_name(self.instrument_path):
            extra[INSTRUMENT_FILE_KEY] = recorded_instrument_path(self.instrument_path, self.folder)
        if draft.group:
            extra[GROUP_KEY] = draft.group
        assessment = new_assessment(
            draft.organisation,
            draft.respondent,
            draft.role,
            instrument.id,
            instrument.version,
            on=draft.on,
            extra=extra,
        )
        path = create_assessment_file(self.folder, assessment)
        return Store(path, assessment, instrument)

    def _created(self, store: Store | None) -> None:
        if store is not None:
            self._open(store)

    def start_next_review(self, path: Path) -> None:
        """Home's `N`: the form for next year's review of `path`; the review made opens at its first question."""
        from surveys.instruments.opening import open_assessment
        from tui.app.next_review_form import NextReviewScreen

        try:
            earlier = open_assessment(path, self.instrument_path)
        except StickError as exc:
            self.notify(str(exc), title="Cannot start next year's review", severity="error", markup=False, timeout=10)
            return

        def made(store: Store | None) -> None:
            if store is not None:
                self._open(store)

        self.push_screen(NextReviewScreen(earlier, self.today()), made)
