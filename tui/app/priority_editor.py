"""Editing one priority: a modal form that returns the new `Priority`, or None."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from surveys.model import Instrument
from surveys.responses import STATUSES, Priority
from surveys.terminal_text import shown_or_kept, terminal_safe
from tui.app.command_keys import catch_up
from tui.app.new import parse_date


def _date_text(value: date | None) -> str:
    return value.isoformat() if value else ""


class PriorityEditor(ModalScreen[Priority | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]
    DEFAULT_CSS = """
    PriorityEditor { align: center middle; }
    PriorityEditor > VerticalScroll { width: 90%; height: 90%; border: round $accent; background: $surface;
        padding: 0 1; }
    PriorityEditor Label { margin-top: 1; }
    PriorityEditor #problem { color: $error; text-style: bold; height: auto; }
    """

    def __init__(self, instrument: Instrument, priority: Priority) -> None:
        super().__init__()
        self.instrument = instrument
        self.priority = priority

    def on_key(self, event: events.Key) -> None:
        catch_up(self, event)

    def compose(self) -> ComposeResult:
        p = self.priority
        with VerticalScroll() as box:
            box.border_title = "Priority (ctrl+s saves, escape cancels)"
            yield Static("", id="problem", markup=False)
            yield Label("Priority")
            yield Input(terminal_safe(p.title), id="title", placeholder="what will be done")
            yield Label("Competence area")
            yield Select(
                [(a.label, a.id) for a in self.instrument.areas],
                id="area",
                value=p.area or Select.NULL,
                prompt="(none)",
            )
            yield Label("Lead")
            yield Input(terminal_safe(p.lead), id="lead", placeholder="the named person responsible")
            yield Label("Business function")
            yield Select(
                [(f.label, f.id) for f in self.instrument.functions],
                id="function",
                value=p.function or Select.NULL,
                prompt="(none)",
            )
            yield Label("Target date (YYYY-MM-DD)")
            yield Input(_date_text(p.target), id="target")
            yield Label("Review date (YYYY-MM-DD)")
            yield Input(_date_text(p.review), id="review")
            yield Label("Measure")
            yield Input(terminal_safe(p.measure), id="measure", placeholder="how we will know")
            yield Label("Status")
            yield Select(
                [(s, s) for s in STATUSES],
                id="status",
                value=p.status if p.status in STATUSES else STATUSES[0],
                allow_blank=False,
            )

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def _text(self, name: str) -> str:
        typed = self.query_one(f"#{name}", Input).value.strip()
        stored = getattr(self.priority, name, "")
        return shown_or_kept(typed, stored) if isinstance(stored, str) else typed

    def _choice(self, name: str) -> str:
        value = self.query_one(f"#{name}", Select).value
        return value if isinstance(value, str) else ""

    def edited(self) -> Priority:
        """The priority as entered; ValueError naming the first problem."""
        if not self._text("title"):
            raise ValueError("Priority: say what will be done.")
        dates: dict[str, date | None] = {}
        for name, words in (("target", "Target date"), ("review", "Review date")):
            text = self._text(name)
            try:
                dates[name] = parse_date(text) if text else None
            except ValueError as exc:
                raise ValueError(f"{words}: {exc}") from None
        return replace(
            self.priority,
            title=self._text("title"),
            area=self._choice("area"),
            lead=self._text("lead"),
            function=self._choice("function"),
            target=dates["target"],
            review=dates["review"],
            measure=self._text("measure"),
            status=self._choice("status") or STATUSES[0],
        )

    def action_save(self) -> None:
        try:
            priority = self.edited()
        except ValueError as exc:
            self.query_one("#problem", Static).update(f"Problem: {exc}")
            self.query_one(VerticalScroll).scroll_home(animate=False)
            return
        self.dismiss(priority)

    def action_cancel(self) -> None:
        self.dismiss(None)
