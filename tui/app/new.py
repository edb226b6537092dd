"""New assessment: organisation, respondent, role and date; returns a `Draft`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from surveys.limits import entered_date
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import catch_up


@dataclass(frozen=True)
class Draft:
    organisation: str
    respondent: str
    role: str
    on: date


def parse_date(text: str) -> date:
    """An ISO date (YYYY-MM-DD); ValueError with a message a person can act on."""
    return entered_date(text)


class NewScreen(Screen[Draft | None]):
    TITLE = "New assessment"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "create", "Create", tooltip="Create the assessment and start the questions"),
        Binding("escape", "cancel", "Cancel"),
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
            yield Input(id="organisation", placeholder="e.g. Northfield PCT")
            yield Label("Respondent")
            yield Input(id="respondent", placeholder="who answers")
            yield Label("Role")
            yield Input(id="role", placeholder="optional")
            yield Label("Date (YYYY-MM-DD)")
            yield Input(self.today.isoformat(), id="date")
            yield Static(f"Instrument: {self.instrument_title}", id="instrument", markup=False)
            yield Static("", id="problem", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#organisation", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "date":
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
