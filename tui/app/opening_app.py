"""Opening an assessment: its lock, its store, its questions, and back to Home.

An assessment opened for answering is locked (`surveys.locks.lock`) until the person
goes back to Home, opens another or leaves the app by any way; if another stick
holds it, the person may look at it read-only instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work

from surveys.errors import StickError
from tui.app.earlier_outline import EarlierOutlineApp

if TYPE_CHECKING:
    from surveys.locks.lock import FileLock
    from tui.app.context import AssessmentContext
    from tui.app.store import Store


class OpeningApp(EarlierOutlineApp):
    """The app's part that opens an assessment and leaves it."""

    folder: Path
    idle_save: float
    lock: FileLock | None
    context: AssessmentContext | None

    def open_file(self, path: Path) -> None:
        from surveys.instruments.opening import open_assessment
        from tui.app.store import Store

        try:
            opened = open_assessment(path, self.instrument_path)
        except StickError as exc:
            self.notify(str(exc), title="Cannot open", severity="error", markup=False, timeout=10)
            return
        self._open(Store(path, opened.assessment, opened.instrument))

    def _open(self, store: Store) -> None:
        """Lock the file and start answering, or ask whether to look at it read-only."""
        from surveys.locks.lock import FileLock, LockedError

        self.release_lock()
        lock = FileLock(store.path, "stick")
        try:
            lock.acquire()
        except LockedError as exc:
            from tui.app.locked import LockedDialog

            holder = exc.holder

            def chosen(read_only: bool | None) -> None:
                if read_only:
                    store.read_only = holder
                    self._start(store)
                else:
                    self._home_beneath()

            self.push_screen(LockedDialog(store.path, holder), chosen)
            return
        except StickError as exc:
            self.notify(str(exc), title="Cannot open", severity="error", markup=False, timeout=10)
            self._home_beneath()
            return
        self.lock = lock
        try:
            from surveys.files.guarded_file import GuardedFile

            store.guard(GuardedFile(store.path))  # read again under the lock
            store.on_changed_on_disk = lambda _error: self._ask_changed_on_disk(store)
        except StickError as exc:
            self.release_lock()
            self.notify(str(exc), title="Cannot open", severity="error", markup=False, timeout=10)
            self._home_beneath()
            return
        self._start(store)

    def _ask_changed_on_disk(self, store: Store) -> None:
        from tui.app.changed_on_disk import ask  # only when it happens: not part of the first frame

        ask(self, store)

    def release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _start(self, store: Store) -> None:
        from tui.app.context import AssessmentContext
        from tui.app.question import QuestionScreen

        context = AssessmentContext(store, self, idle_save=self.idle_save)
        self.context = context
        self.push_screen(QuestionScreen(context, store.first_open_question()), lambda _: self._left(context))
        if store.session.finished:
            # Nothing left to answer: it opens where it ended, the questions beneath to change one.
            self.show_result(context)
        # The earlier outline can arrive a moment later; the first frame should not wait for it.
        self.call_after_refresh(self._find_earlier, context)
        self.call_after_refresh(self._warm_save, store)

    @work(thread=True, group="warm")
    def _warm_save(self, store: Store) -> None:
        # Writing the file once, unsaved, keeps the TOML text of any long note
        # (surveys/files/toml_reuse.py): the first answer then saves as fast as the rest.
        from surveys.files.response_file import to_toml

        to_toml(store.assessment)

    def _left(self, context: AssessmentContext) -> None:
        """Back from the questions: the file is free for others again, and Home is there."""
        if self.context is context:
            self.context = None
        self.release_lock()
        self._home_beneath()

    def _home_beneath(self) -> None:
        """Leaving the questions lands on Home, even when stick started on a file."""
        from tui.app.home import HomeScreen
        from tui.app.home_reading import HomeHost

        if not any(isinstance(s, HomeScreen) for s in self.screen_stack):
            # The app these parts make up (StickApp, with MakingApp's new and next-review) is Home's host.
            self.push_screen(HomeScreen(self.folder, cast("HomeHost", self)))

    def show_result(self, context: AssessmentContext) -> None:
        from tui.app.result import ResultScreen

        self.push_screen(ResultScreen(context))

    def show_plan(self, context: AssessmentContext) -> None:
        from tui.app.plan import PlanScreen

        self.push_screen(PlanScreen(context))
