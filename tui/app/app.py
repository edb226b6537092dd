"""The stick app: owns the screen stack and opening assessments; screens do the rest.

An assessment opened for answering is locked (`surveys.locks.lock`) until the person
goes back to Home, opens another or leaves the app by any way; if another stick
holds it, the person may look at it read-only instead.

Only Home is imported at start: the other screens, scoring and the instrument
loader are imported when first needed, so the first frame costs little more
than Textual's own.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.actions import SkipAction
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from surveys.errors import StickError
from surveys.terminal_text import terminal_safe
from tui.app.background import background_turn
from tui.app.keys_in_order import KeyQueue
from tui.app.too_small import TooSmallScreen, too_small

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.notifications import SeverityLevel

    from surveys.locks.lock import FileLock
    from surveys.model.instrument import Instrument
    from surveys.model.responses import Assessment
    from tui.app.context import AssessmentContext
    from tui.app.help import Section
    from tui.app.new import Draft
    from tui.app.store import Store


# Typed text is saved this long after the last key, even while the field keeps the focus.
IDLE_SAVE_SECONDS = 2.0


class StickApp(App[None]):
    TITLE = "stick"
    # Under NO_COLOR the cursor must show by an attribute, not a shade of grey.
    DEFAULT_CSS = """
    StickApp.-no-color DataTable > .datatable--cursor { text-style: reverse bold; }
    StickApp.-no-color RowTable > .row-table--cursor { text-style: reverse bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, tooltip="Quit (everything is already saved)"),
        Binding("question_mark", "help", "Keys", tooltip="This screen's keys, then every other screen's"),
        # Handled by the app as the key arrives, not after it has passed through
        # the focused field: otherwise letters typed straight after a tab (a
        # paste, a fast typist) still land in the field being left.
        Binding("tab", "next_field(1)", "Next field", show=False, priority=True),
        Binding("shift+tab", "next_field(-1)", "Previous field", show=False, priority=True),
    ]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # Notifications carry error lines and names from files: shown as text, never
        # as markup or terminal controls, whoever sends them.
        super().notify(
            terminal_safe(message, keep="\n"),
            title=terminal_safe(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def __init__(
        self,
        folder: Path,
        *,
        opened: Store | None = None,
        instrument_path: Path | None = None,
        today: Callable[[], date] = date.today,
        idle_save: float = IDLE_SAVE_SECONDS,
        config_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.config_dir = config_dir
        self.instrument_path = instrument_path
        self.today = today
        self.idle_save = idle_save
        self._keys = KeyQueue(self, super().on_event)
        self._opened = opened
        self.context: AssessmentContext | None = None
        self.lock: FileLock | None = None
        self._started = False

    def get_driver_class(self) -> type[Driver]:
        # On a Unix terminal, a driver whose input thread stops the moment it is
        # told (tui/app/quick_exit.py); elsewhere, or when one is asked for, Textual's.
        from textual import constants

        if constants.DRIVER is not None or sys.platform == "win32":
            return super().get_driver_class()
        from tui.app.quick_exit import QuickExitDriver

        return QuickExitDriver

    def on_mount(self) -> None:
        self.set_class(bool(os.environ.get("NO_COLOR")), "-no-color")
        from tui.app.theme_memory import recall_theme

        recall_theme(self, self.config_dir)
        if self._opened is not None:
            # `stick FILE` goes straight to its questions: Home (which reads and
            # scores every file in the folder) is built only when it is needed.
            self._open(self._opened)
        else:
            from tui.app.home import HomeScreen

            self.push_screen(HomeScreen(self.folder, self))
        self._started = True
        self._check_size(self.size.width, self.size.height)
        # `stick` starts with the collector off (tui.cli.main); from the first
        # frame on, the app runs as long as people work, so it is back on.
        self.call_after_refresh(self._collect_again)

    async def on_event(self, event: events.Event) -> None:
        # Keys are applied here, as they are read, so a burst lands in the order
        # typed, also across a form opening (see keys_in_order).
        if not await self._keys.take(event):
            await super().on_event(event)

    def action_next_field(self, step: int) -> None:
        if self.screen.focused is None:
            # A screen just opened and nothing has the focus yet: the keys typed
            # before this tab went to the screen itself (see command_keys.catch_up),
            # so the tab follows them there and is handled after them, in order.
            raise SkipAction()
        if step > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def _collect_again(self) -> None:
        # A method, not gc.enable itself: Textual reads a callback's signature,
        # and reading a builtin's means tokenizing its text signature.
        gc.enable()

    def on_unmount(self) -> None:
        # Screens are gone by now, so any note they were holding has been saved.
        self.release_lock()

    def on_resize(self, event: events.Resize) -> None:
        # The first Resize comes before on_mount: a notice pushed then would end up under the screens.
        if not self._started:
            return
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        notice = next((s for s in self.screen_stack if isinstance(s, TooSmallScreen)), None)
        if too_small(width, height):
            if notice is None:
                self.push_screen(TooSmallScreen())
            else:
                notice.show(width, height)
        elif notice is not None and self.screen is notice:
            self.pop_screen()

    # Opening

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

        if not any(isinstance(s, HomeScreen) for s in self.screen_stack):
            self.push_screen(HomeScreen(self.folder, self))

    class EarlierFound(Message):
        """The earlier-assessment search has its answer for `context`."""

        def __init__(self, context: AssessmentContext, found: list[tuple[Path, Assessment]]) -> None:
            super().__init__()
            self.context = context
            self.found = found

    @work(thread=True, exclusive=True, group="earlier")
    def _find_earlier(self, context: AssessmentContext) -> None:
        from textual.worker import get_current_worker

        from tui.app.folder import earlier_assessments

        worker = get_current_worker()
        store = context.store
        found = earlier_assessments(
            store.path.parent, store.path, store.assessment, self.instrument_path, background_turn(worker)
        )
        # post_message never waits for the app (call_from_thread would, past its exit).
        if found:
            self.post_message(self.EarlierFound(context, found))

    def on_stick_app_earlier_found(self, message: EarlierFound) -> None:
        self._compare_with(message.context, message.found)

    def _compare_with(self, context: AssessmentContext, found: list[tuple[Path, Assessment]]) -> None:
        from tui.app.context import Comparison
        from tui.app.question import QuestionScreen
        from tui.app.radar import Radar
        from tui.app.result import ResultScreen

        if not found:
            return  # nothing to draw: the context already compares with nothing
        context.comparison = Comparison(found)
        self.notify(context.comparison.describe() + " c changes it.")
        screen = self.screen
        if isinstance(screen, QuestionScreen | ResultScreen) and screen.context is context:
            # query, not query_one: the answer can arrive while the screen is
            # being taken down (quitting at once), its radar already gone.
            for radar in screen.query(Radar):
                radar.data = context.radar()
            if isinstance(screen, ResultScreen) and screen.is_mounted:
                screen.show()  # what moved is said in its text

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
        from tui.app.store import Store

        instrument = builtin_instrument(draft.instrument) if draft.instrument else self.instrument()
        extra = {}
        if self.instrument_path is not None and not is_builtin_name(self.instrument_path):
            extra[INSTRUMENT_FILE_KEY] = recorded_instrument_path(self.instrument_path, self.folder)
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

    def show_result(self, context: AssessmentContext) -> None:
        from tui.app.result import ResultScreen

        self.push_screen(ResultScreen(context))

    def show_plan(self, context: AssessmentContext) -> None:
        from tui.app.plan import PlanScreen

        self.push_screen(PlanScreen(context))

    async def action_quit(self) -> None:
        """Save whatever is still being typed on any screen, then leave: everything else is saved already."""
        from tui.app.field_saver import Flushable

        for screen in reversed(self.screen_stack):
            if isinstance(screen, Flushable):
                screen.flush()
        self.exit()

    # Help and the command palette

    def key_sections(self, current: Screen[Any] | None = None) -> list[Section]:
        from tui.app.key_sections import key_sections

        return key_sections(StickApp.BINDINGS, current)

    def action_help(self) -> None:
        from tui.app.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_sections(self.screen), self.glossary()))

    def glossary(self) -> tuple[tuple[str, str], ...]:
        """The glossary of the assessment open, else of the instrument a new one would use."""
        try:
            instrument = self.context.store.instrument if self.context is not None else self.instrument()
        except StickError:
            return ()
        return instrument.glossary

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        # Textual's saves only to Downloads and fails where there is none: see screenshot_place.
        from tui.app.screenshot_place import deliver

        notice = deliver(self.export_screenshot(), self.title, self.folder)
        self.notify(notice.message, title="Screenshot", severity="error" if notice.failed else "information")
        return None

    def action_show_help_panel(self) -> None:
        # Textual's own keys panel lists only the focused widget's keys and stays
        # open on esc; stick's help (all keys, this screen's first) closes with it.
        self.action_help()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's "Keys" is replaced by stick's own help, so the palette lists one.
        yield from (command for command in super().get_system_commands(screen) if command.title != "Keys")
        yield SystemCommand("New assessment", "Start a new assessment", self.action_new_assessment)
        yield SystemCommand("Keys", "This screen's keys, then every other screen's", self.action_help)
