"""New assessment: organisation, respondent, role and date; returns a `Draft`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen, catch_up, field_key


@dataclass(frozen=True)
class Draft:
    organisation: str
    respondent: str
    role: str
    on: date


def parse_date(text: str) -> date:
    """An ISO date (YYYY-MM-DD); ValueError with a message a person can act on."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text.strip() or 'an empty date'!r} is not a date like 2026-03-31") from None


class NewScreen(CommandScreen[Draft | None]):
    # Keys typed before the first field has the focus wait for it (keys_in_order).
    OPENS_ON_A_FIELD = True
    AUTO_FOCUS = "#organisation"
    TITLE = "New assessment"
    # Run as they arrive, like the typed keys (keys_in_order): keys typed after
    # enter land in the next field, and nothing typed before ctrl+s is missed.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "create", "Create", tooltip="Create the assessment and start the questions", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
        field_key("enter", "field_done", "Next field"),
    ]
    DEFAULT_CSS = """
    NewScreen VerticalScroll { padding: 0 2; }
    NewScreen Label { margin-top: 1; }
    NewScreen #problem { color: $error; text-style: bold; height: auto; margin-top: 1; }
    """

    def __init__(self, today: date, instrument_title: str) -> None:
        super().__init__()
        self.today = today
        self.instrument_title = instrument_title

    def on_key(self, event: events.Key) -> None:
        catch_up(self, event)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll():
            yield Label("Organisation")
            yield Input(id="organisation", placeholder="e.g. Northfield PCT", select_on_focus=False)
            yield Label("Respondent")
            yield Input(id="respondent", placeholder="who answers", select_on_focus=False)
            yield Label("Role")
            yield Input(id="role", placeholder="optional", select_on_focus=False)
            yield Label("Date (YYYY-MM-DD)")
            yield Input(self.today.isoformat(), id="date", select_on_focus=False)
            yield Static(f"Instrument: {self.instrument_title}", id="instrument", markup=False)
            yield Static("", id="problem", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#organisation", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # enter is the field key below

    def action_field_done(self) -> None:
        if self.focused is not None and self.focused.id == "date":
            self.action_create()
        else:
            self.focus_next()

    def draft(self) -> Draft:
        """The details entered; ValueError naming the first problem."""
        values = {
            name: self.query_one(f"#{name}", Input).value.strip()
            for name in ("organisation", "respondent", "role", "date")
        }
        if not values["organisation"]:
            raise ValueError("Organisation: please enter the organisation assessed.")
        if not values["respondent"]:
            raise ValueError("Respondent: please enter who answers.")
        return Draft(values["organisation"], values["respondent"], values["role"], parse_date(values["date"]))

    def action_create(self) -> None:
        try:
            draft = self.draft()
        except ValueError as exc:
            self.query_one("#problem", Static).update(f"Problem: {exc}")
            return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        self.dismiss(None)
