"""Next year's review: a small form that starts it from an assessment on Home (`N`).

The organisation, instrument and plan come from the earlier assessment
(surveys/editing/next_review.py); the form asks only what may change: the respondent,
the role and the date (today, unless typed otherwise, day first or ISO). ctrl+s
creates the file and gives the app a store to open at its first question. A
create that fails keeps the form and says why beside it; esc with something
typed asks before throwing it away.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from surveys.editing.next_review import create_next_review, next_review
from surveys.errors import StickError
from surveys.instruments.opening import Opened
from surveys.model.dates import HINT, read_date, said
from surveys.model.vocabulary import vocabulary
from surveys.terminal_text import shown_or_kept, terminal_safe
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen, catch_up, field_key
from tui.app.store import Store

FIELDS = ("respondent", "role", "date")


class NextReviewScreen(CommandScreen[Store | None]):
    """Gives the store of the new assessment, created; None when the person leaves without one."""

    OPENS_ON_A_FIELD = True
    AUTO_FOCUS = "#respondent"
    TITLE = "Next year's review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "create", "Create", tooltip="Create next year's review and start its questions", priority=True
        ),
        Binding("escape", "cancel", "Cancel", priority=True),
        field_key("enter", "field_done", "Next field"),
    ]
    DEFAULT_CSS = """
    NextReviewScreen VerticalScroll { padding: 0 2; }
    NextReviewScreen #about { height: auto; margin-top: 1; }
    NextReviewScreen Label { margin-top: 1; }
    NextReviewScreen #problem, NextReviewScreen #respondent-problem, NextReviewScreen #date-problem { height: auto; }
    NextReviewScreen .problem { color: $error; text-style: bold; }
    """

    def __init__(self, earlier: Opened, today: date) -> None:
        super().__init__()
        self.earlier = earlier
        self.today = today
        a = earlier.assessment
        self.start = {
            "respondent": terminal_safe(a.respondent),
            "role": terminal_safe(a.role),
            "date": today.isoformat(),
        }
        self._problem_for: str | None = None  # the date as typed when its problem was shown

    def on_key(self, event: events.Key) -> None:
        catch_up(self, event)

    def compose(self) -> ComposeResult:
        a = self.earlier.assessment
        count = len(a.priorities)
        words = vocabulary(self.earlier.instrument)
        plan = (
            f"{count} {words.priority if count == 1 else words.priorities} carried forward, "
            "each with its status to update"
            if count
            else f"no {words.priorities} to carry forward"
        )
        yield TitleBar()
        with VerticalScroll():
            yield Static(
                terminal_safe(
                    f"{a.organisation}: following {self.earlier.path.name} ({a.date.isoformat()}); {plan}. "
                    "The new file starts with no answers."
                ),
                id="about",
                markup=False,
            )
            yield Static("", id="problem", markup=False)
            yield Label("Respondent")
            yield Input(self.start["respondent"], id="respondent", placeholder="who answers", select_on_focus=False)
            yield Static("", id="respondent-problem", markup=False)
            yield Label("Role")
            yield Input(self.start["role"], id="role", placeholder="optional", select_on_focus=False)
            yield Label(f"Date (for example {HINT}; after {a.date.isoformat()})")
            yield Input(self.start["date"], id="date", select_on_focus=False)
            yield Static("", id="date-problem", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = terminal_safe(self.earlier.assessment.organisation)
        for name in ("problem", "respondent-problem"):
            self._say(name, "")
        self._date()
        field = self.query_one("#respondent", Input)
        field.cursor_position = len(field.value)
        field.focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def changed(self) -> bool:
        """Something typed differs from what the form opened with."""
        return any(self.query_one(f"#{name}", Input).value != self.start[name] for name in FIELDS)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # enter is the field key below

    def on_input_changed(self, event: Input.Changed) -> None:
        # Read when it arrives, which can be after ctrl+s: a problem shown for the date as it is stays.
        date_now = self.query_one("#date", Input).value
        if event.input.id == "date" and date_now != self._problem_for:
            self._date()

    def action_field_done(self) -> None:
        if self.focused is not None and self.focused.id == "date":
            self.action_create()
        else:
            self.focus_next()

    def _date(self) -> tuple[date | None, str]:
        """The date typed (said back in words under it), or None and why it is not one."""
        try:
            day = read_date(self._value("date"))
        except ValueError as exc:
            self._say("date-problem", "")
            return None, f"Date: {exc}"
        self._say("date-problem", f"Understood as {said(day)}", problem=False)
        return day, ""

    def _say(self, name: str, message: str, problem: bool = True) -> None:
        line = self.query_one(f"#{name}", Static)
        line.update(message)
        line.set_class(problem, "problem")
        line.display = bool(message)  # an empty line would push the fields below the screen at 80x24

    def _show(self, field: str, message: str) -> None:
        """`message` beside the field it is about (the rest cleared), and that field in view."""
        self._problem_for = self.query_one("#date", Input).value if field == "date-problem" else None
        for name in ("problem", "respondent-problem", "date-problem"):
            if name == field:
                self._say(name, message)
            elif name != "date-problem" or self.query_one("#date-problem").has_class("problem"):
                self._say(name, "")
        focus = {"respondent-problem": "#respondent", "date-problem": "#date"}.get(field)
        if focus:
            self.query_one(focus, Input).focus()
        self.call_after_refresh(self.query_one(f"#{field}", Static).scroll_visible)

    def action_create(self) -> None:
        respondent = self._value("respondent")
        if not respondent:
            self._show("respondent-problem", "Respondent: please enter who answers.")
            return
        day, problem = self._date()
        if day is None:
            self._show("date-problem", problem)
            return
        a = self.earlier.assessment
        # A field opened on text from the file shows unsafe characters escaped; left as shown, it keeps them.
        role = shown_or_kept(self._value("role"), a.role)
        try:
            made = next_review(
                a,
                self.earlier.path,
                on=day,
                respondent=shown_or_kept(respondent, a.respondent),
                role=role,
                instrument_version=self.earlier.instrument.version,
            )
            path = create_next_review(self.earlier.path, made)
        except StickError as exc:
            where = "date-problem" if day <= a.date else "problem"
            self._show(where, f"Not created: {exc}")
            return
        self.dismiss(Store(path, made, self.earlier.instrument))

    def action_cancel(self) -> None:
        if not self.changed():
            self.dismiss(None)
            return

        def answered(throw: bool | None) -> None:
            if throw:
                self.dismiss(None)

        from tui.app.discard import DiscardDialog  # the New form's question: one dialog, one set of keys

        self.app.push_screen(DiscardDialog("Throw away next year's review? Nothing has been created yet."), answered)
