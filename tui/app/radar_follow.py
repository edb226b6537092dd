"""Which radar view a screen of questions shows: what the question on screen feeds, unless `r` chose.

The question screen and the panel's screen both follow the question (the view and the axes it
feeds are the engine's: surveys.results.radar_views); a view chosen by hand with `r` is kept
while questions of the section it was chosen in are shown.
"""

from __future__ import annotations

from surveys.model.instrument import Instrument, Question
from surveys.results.radar_views import View, feeds, next_view, shown_view, views


class RadarFollow:
    def __init__(self, instrument: Instrument, view: View | None = None) -> None:
        self.instrument = instrument
        self.view = view if view is not None else views(instrument)[0]
        self.marked: tuple[int, ...] = ()  # the axes of the shown view that the question on screen feeds
        self._chosen_in: str | None = None  # the section in which `r` chose the view

    def follow(self, question: Question) -> None:
        """Show what `question` feeds, unless a view was chosen by hand in its section; mark its axes."""
        if self._chosen_in is not None and self._chosen_in != question.section:
            self._chosen_in = None
        fed = feeds(self.instrument, question)
        if fed is not None and self._chosen_in is None:
            self.view = fed.view
        self._mark(question)

    def switch(self, question: Question) -> None:
        """`r` on a question: the next view, kept while questions of `question`'s section are shown."""
        self.view = next_view(self.instrument, shown_view(self.instrument, self.view))
        self._chosen_in = question.section
        self._mark(question)

    def _mark(self, question: Question) -> None:
        fed = feeds(self.instrument, question)
        shown = shown_view(self.instrument, self.view)
        self.marked = fed.axes if fed is not None and fed.view == shown else ()
