"""Editing one priority, field by field: each field is saved as it is left and after a pause.

The editor works on the plan through the editing session, so there is no
"save" to forget: a text field is saved when it is left, on enter, after a
pause in typing, and when the app quits; a choice (area, function, status)
when it is made. A new priority joins the plan with the first field given,
not before, so opening the editor and leaving it writes nothing. A date that
is not one is shown beside its field and not saved until it is.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from surveys.editing.session import EditingSession
from surveys.errors import StickError
from surveys.model.carried import carried_marker
from surveys.model.dates import HINT, said
from surveys.model.responses import STATUSES, Priority
from surveys.model.vocabulary import area_title, heading, vocabulary
from surveys.terminal_text import shown_or_kept, terminal_safe
from tui.app.command_keys import CommandModal, catch_up, closed_a_drop_down, field_key
from tui.app.field_saver import FieldSaver
from tui.app.new import parse_date

TEXT_FIELDS = ("title", "lead", "target", "review", "measure")
CHOICE_FIELDS = ("area", "function", "status")
DATE_WORDS = {"target": "Target date", "review": "Review date"}


def _date_text(value: date | None) -> str:
    return value.isoformat() if value else ""


def status_select(p: Priority) -> Select[str]:
    """The status field; for a carried priority not yet looked at, empty, saying what it was.

    Choosing any status then (the same one too) is what marks it updated: a
    field already showing it could not be chosen again.
    """
    if carried_marker(p):
        prompt = terminal_safe(f"was {p.status}: choose its status now")
        return Select([(s, s) for s in STATUSES], id="status", value=Select.NULL, prompt=prompt)
    value = p.status if p.status in STATUSES else STATUSES[0]
    return Select([(s, s) for s in STATUSES], id="status", value=value, allow_blank=False)


class PriorityEditor(CommandModal[int | None]):
    """Returns the index of the priority edited, or None when nothing was added."""

    # Keys typed before the first field has the focus wait for it (keys_in_order).
    OPENS_ON_A_FIELD = True
    AUTO_FOCUS = "#title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "done", "Done", priority=True),
        Binding("escape", "done", "Done", priority=True),
        field_key("enter", "next_field", "Next field"),
    ]
    DEFAULT_CSS = """
    PriorityEditor { align: center middle; }
    PriorityEditor > VerticalScroll { width: 90%; height: 90%; border: round $accent; background: $surface;
        padding: 0 1; }
    PriorityEditor Label { margin-top: 1; }
    PriorityEditor .problem { color: $error; text-style: bold; height: auto; }
    PriorityEditor #carried { text-style: italic; height: auto; }
    """

    def __init__(self, session: EditingSession, index: int | None, idle_save: float) -> None:
        super().__init__()
        self.session = session
        self.index = index
        self._saver = FieldSaver(self, idle_save, self._save)
        # Choices are set in compose; their first Changed is the value shown, not a choice made.
        self._shown: dict[str, object] = {}

    @property
    def priority(self) -> Priority:
        return self.session.priorities[self.index] if self.index is not None else self.session.new_priority()

    def on_key(self, event: events.Key) -> None:
        catch_up(self, event)

    def compose(self) -> ComposeResult:
        p = self.priority
        instrument = self.session.instrument
        with VerticalScroll() as box:
            box.border_title = "Priority (saved as you go; esc or ctrl+s closes)"
            yield Label("Priority")
            yield Input(terminal_safe(p.title), id="title", placeholder="what will be done", select_on_focus=False)
            marker = carried_marker(p)
            if marker:  # under the field that has the focus, so it is in view when the editor opens
                yield Static(f"{heading(marker)}: choose its status at the end, even if it is the same.", id="carried")
            yield Label(area_title(self.session.instrument))
            yield Select(
                [(a.label, a.id) for a in instrument.areas], id="area", value=p.area or Select.NULL, prompt="(none)"
            )
            yield Label("Lead")
            yield Input(
                terminal_safe(p.lead), id="lead", placeholder="the named person responsible", select_on_focus=False
            )
            yield Label(heading(vocabulary(self.session.instrument).function))
            yield Select(
                [(f.label, f.id) for f in instrument.functions],
                id="function",
                value=p.function or Select.NULL,
                prompt="(none)",
            )
            for name in ("target", "review"):
                yield Label(f"{DATE_WORDS[name]} (for example {HINT})")
                yield Input(_date_text(getattr(p, name)), id=name, select_on_focus=False)
                yield Static("", id=f"{name}-problem", classes="problem", markup=False)
            yield Label("Measure")
            yield Input(terminal_safe(p.measure), id="measure", placeholder="how we will know", select_on_focus=False)
            yield Label("Status")
            yield status_select(p)
            yield Static("", id="problem", classes="problem", markup=False)

    def on_mount(self) -> None:
        for name in CHOICE_FIELDS:
            self._shown[name] = self.query_one(f"#{name}", Select).value
        title = self.query_one("#title", Input)
        title.cursor_position = len(title.value)
        title.focus()

    # Saving

    def _changes(self, name: str) -> dict[str, Any] | None:
        """The field as a change to the priority; None (and the problem shown) when it is not one yet."""
        if name in CHOICE_FIELDS:
            value = self.query_one(f"#{name}", Select).value
            if name == "status" and not isinstance(value, str):
                return None  # a carried priority's status not chosen yet: it stays as it was
            return {name: value if isinstance(value, str) else ""}
        text = self.query_one(f"#{name}", Input).value.strip()
        if name not in DATE_WORDS:
            # A field filled from the file shows unsafe characters escaped; left as shown, it keeps them.
            stored = getattr(self.priority, name) if self.index is not None else ""
            return {name: shown_or_kept(text, stored)}
        problem = self.query_one(f"#{name}-problem", Static)
        try:
            when = parse_date(text) if text else None
        except ValueError as exc:
            problem.update(f"{DATE_WORDS[name]}: {exc} (not saved yet)")
            return None
        # Said back in words, so 03/04/2027 cannot pass as the 4th of March unnoticed.
        problem.update(f"{DATE_WORDS[name]}: {said(when)}" if when else "")
        return {name: when}

    def _save(self, name: str) -> bool:
        changes = self._changes(name)
        if changes is None:
            return False
        try:
            if self.index is None:
                if not any(changes.values()):
                    return True  # nothing given yet: a new priority is not added empty
                edit = self.session.add_priority(Priority(**changes))
                self.index = len(edit.assessment.priorities) - 1
            else:
                self.session.edit_priority(self.index, **changes)
        except (StickError, ValueError) as exc:
            self.query_one("#problem", Static).update(f"Not saved: {exc}")
            return False
        self._show_function()
        return True

    def _show_function(self) -> None:
        """An area chosen with no function yet gives the area's function: show it."""
        if self.index is None:
            return
        function = self.session.priorities[self.index].function
        select = self.query_one("#function", Select)
        if function and select.value != function:
            self._shown["function"] = function
            select.value = function

    def flush(self) -> None:
        """Save every field waiting, and the one being typed in (its change may not have been seen yet)."""
        self._saver.flush()
        focused = self.focused
        if focused is not None and focused.id in TEXT_FIELDS:
            self._save(focused.id)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in TEXT_FIELDS:
            self._saver.changed(event.input.id)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self._saver.flush(event.input.id or "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # enter is the field key below, run as it arrives

    def on_select_changed(self, event: Select.Changed) -> None:
        name = event.select.id or ""
        if name not in CHOICE_FIELDS or self._shown.get(name) == event.value:
            return
        self._shown[name] = event.value
        self._save(name)

    # Keys

    def action_next_field(self) -> None:
        focused = self.focused
        if focused is not None and focused.id in TEXT_FIELDS:
            self._saver.flush(focused.id)
            self._save(focused.id)
        self.focus_next()

    def action_done(self) -> None:
        if closed_a_drop_down(self):
            return
        self.flush()
        self.dismiss(self.index)
