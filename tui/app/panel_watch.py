"""Rater files saved while the panel is open are read again in a worker, and arrive by message.

On a shared folder a colleague saves whenever they like; on one PC raters take
turns. Every `poll` seconds the engine reads the raters again
(`read_raters(previous=...)`: unchanged files are not read, folders are listed
again so a new file appears, a broken or hostile file comes back as a line in
`problems` and never raises), off the screen's thread so a slow share never
holds up a key. A reading that differs from the last is posted to the screen,
which hands it to the session on its own thread.
"""

from __future__ import annotations

import threading

from textual.message import Message
from textual.widget import Widget

from surveys.panel.raters import Raters, read_raters
from surveys.panel.session import PanelSession


class RatersWatch:
    class Read(Message):
        """A new reading of the rater files."""

        def __init__(self, raters: Raters) -> None:
            super().__init__()
            self.raters = raters

    def __init__(self, owner: Widget, session: PanelSession, poll: float) -> None:
        self._owner = owner
        self._session = session
        self._poll = poll
        self._stop = threading.Event()

    def start(self) -> None:
        self._owner.run_worker(self._watch, thread=True, exclusive=True, group="raters", exit_on_error=False)

    def stop(self) -> None:
        self._stop.set()

    def _watch(self) -> None:
        session = self._session
        last = session.raters
        while not self._stop.wait(self._poll):
            # The files, folders, --instrument and the agreed file to leave out are remembered in `last`.
            raters = read_raters((), previous=last)
            if raters is not last and raters != last:
                last = raters
                self._owner.post_message(self.Read(raters))
