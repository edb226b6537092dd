"""New assessment: organisation, respondent, role, date and (a choice of built-ins) the instrument; gives a `Draft`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar, NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from surveys.dates import HINT, read_date
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen, catch_up, closed_a_drop_down, field_key


@dataclass(frozen=True)
class Draft:
    organisation: str
    respondent: str
    role: str
    on: date
    instrument: str = ""  # a built-in's id, when the form offered a choice


class Choice(NamedTuple):
    """An instrument the form offers: its title, the id a Draft carries, and its example organisation."""

    title: str
    id: str
    example: str


def builtin_choices() -> tuple[Choice, ...]:
    """The built-in instruments, the deck's first (the default)."""
    from surveys.instrument_file import BUILTINS, builtin_instrument
    from surveys.vocabulary import vocabulary

    found = (builtin_instrument(ident) for ident in BUILTINS)
    return tuple(Choice(i.title, i.id, vocabulary(i).organisation_example) for i in found)


def parse_date(text: str) -> date:
    """A date typed day first or ISO (surveys.dates); ValueError with a message a person can act on."""
    return read_date(text)


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

    def __init__(self, today: date, instrument_title: str, choices: tuple[Choice, ...] = (), example: str = "") -> None:
        super().__init__()
        self.today = today
        self.instrument_title = instrument_title
        # With two or more, the form asks which instrument; the first is the default.
        self.choices = choices
        self.example = choices[0].example if choices else example

    def on_key(self, event: events.Key) -> None:
        catch_up(self, event)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll():
            yield Label("Organisation")
            yield Input(
                id="organisation", placeholder=f"e.g. {self.example}" if self.example else "", select_on_focus=False
            )
            yield Label("Respondent")
            yield Input(id="respondent", placeholder="who answers", select_on_focus=False)
            yield Label("Role")
            yield Input(id="role", placeholder="optional", select_on_focus=False)
            if len(self.choices) > 1:
                # Before the date: enter on the date creates, so the choice comes on the way there.
                yield Label("Instrument")
                yield Select(
                    [(c.title, c.id) for c in self.choices],
                    id="instrument",
                    value=self.choices[0].id,
                    allow_blank=False,
                )
            yield Label(f"Date (for example {HINT})")
            yield Input(self.today.isoformat(), id="date", select_on_focus=False)
            if len(self.choices) < 2:
                yield Static(f"Instrument: {self.instrument_title}", id="instrument", markup=False)
            yield Static("", id="problem", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#organisation", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        example = next((c.example for c in self.choices if c.id == event.value), "")
        self.query_one("#organisation", Input).placeholder = f"e.g. {example}" if example else ""

    def _instrument(self) -> str:
        if len(self.choices) < 2:
            return ""
        value = self.query_one("#instrument", Select).value
        return value if isinstance(value, str) else ""

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
        return Draft(
            values["organisation"], values["respondent"], values["role"], parse_date(values["date"]), self._instrument()
        )

    def action_create(self) -> None:
        try:
            draft = self.draft()
        except ValueError as exc:
            self.query_one("#problem", Static).update(f"Problem: {exc}")
            return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        if not closed_a_drop_down(self):
            self.dismiss(None)
