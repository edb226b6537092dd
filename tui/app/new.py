"""New assessment: organisation, respondent, role, rater group, date and (a choice of built-ins) the instrument."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from surveys.errors import StickError
from surveys.model.dates import HINT, read_date
from surveys.panel.keys import SUGGESTED_GROUPS, rater_group
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen, catch_up, closed_a_drop_down, field_key

if TYPE_CHECKING:
    from tui.app.store import Store

FIELDS = ("organisation", "respondent", "role", "group", "date")


@dataclass(frozen=True)
class Draft:
    organisation: str
    respondent: str
    role: str
    on: date
    instrument: str = ""  # a built-in's id, when the form offered a choice
    group: str = ""  # the rater's group at a grading panel (surveys.panel.keys), when one was typed


class Choice(NamedTuple):
    """An instrument the form offers: its title, the id a Draft carries, and its example organisation."""

    title: str
    id: str
    example: str


def builtin_choices() -> tuple[Choice, ...]:
    """The built-in instruments, the deck's first (the default)."""
    from surveys.instruments.instrument_file import BUILTINS, builtin_instrument
    from surveys.model.vocabulary import vocabulary

    found = (builtin_instrument(ident) for ident in BUILTINS)
    return tuple(Choice(i.title, i.id, vocabulary(i).organisation_example) for i in found)


def parse_date(text: str) -> date:
    """A date typed day first or ISO (surveys.model.dates); ValueError with a message a person can act on."""
    return read_date(text)


class NewScreen(CommandScreen["Store | None"]):
    """The form; `make` creates the file from a Draft (StickError when it cannot), and the form closes with it.

    Creating happens before the form closes, so a failure (a folder that cannot
    be made) leaves everything as typed, with the reason shown.
    """

    # Keys typed before the first field has the focus wait for it (keys_in_order).
    OPENS_ON_A_FIELD = True
    AUTO_FOCUS = "#organisation"
    TITLE = "New assessment"
    # Run as they arrive, like the typed keys (keys_in_order): keys typed after
    # enter land in the next field, and nothing typed before ctrl+s is missed.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "create", "Create", tooltip="Create the assessment and start the questions", priority=True),
        Binding(
            "escape", "cancel", "Cancel", tooltip="Close the form (asks first when something is typed)", priority=True
        ),
        field_key("enter", "field_done", "Next field"),
    ]
    DEFAULT_CSS = """
    NewScreen VerticalScroll { padding: 0 2; }
    NewScreen Label { margin-top: 1; }
    NewScreen .problem { color: $error; text-style: bold; height: auto; display: none; }
    NewScreen .problem.-shown { display: block; }
    NewScreen #problem { margin-top: 1; }
    """

    def __init__(
        self,
        today: date,
        instrument_title: str,
        make: Callable[[Draft], Store],
        choices: tuple[Choice, ...] = (),
        example: str = "",
    ) -> None:
        super().__init__()
        self.today = today
        self.make = make
        self.instrument_title = instrument_title
        # With two or more, the form asks which instrument; the first is the default.
        self.choices = choices
        self.example = choices[0].example if choices else example

    def on_key(self, event: events.Key) -> None:
        catch_up(self, event)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll():
            # A failed create (the folder) is said at the top, where the form starts.
            yield Static("", id="problem", classes="problem", markup=False)
            yield Label("Organisation")
            yield Input(
                id="organisation", placeholder=f"e.g. {self.example}" if self.example else "", select_on_focus=False
            )
            yield _problem_line("organisation")
            yield Label("Respondent")
            yield Input(id="respondent", placeholder="who answers", select_on_focus=False)
            yield _problem_line("respondent")
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
            yield Label("Group, for a grading panel")
            yield Input(id="group", placeholder=f"optional, e.g. {', '.join(SUGGESTED_GROUPS)}", select_on_focus=False)
            yield _problem_line("group")
            yield Label(f"Date (for example {HINT})")
            yield Input(self.today.isoformat(), id="date", select_on_focus=False)
            yield _problem_line("date")
            if len(self.choices) < 2:
                yield Static(f"Instrument: {self.instrument_title}", id="instrument", markup=False)
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

    def _values(self) -> dict[str, str]:
        return {name: self.query_one(f"#{name}", Input).value.strip() for name in FIELDS}

    def problems(self) -> dict[str, str]:
        """What is wrong, by field, in the form's order; empty when a Draft can be made."""
        values = self._values()
        found = {}
        if not values["organisation"]:
            found["organisation"] = "Please enter the organisation assessed."
        if not values["respondent"]:
            found["respondent"] = "Please enter who answers."
        if values["group"]:
            try:
                rater_group(values["group"])
            except ValueError as exc:
                said = str(exc)
                found["group"] = f"{said[:1].upper()}{said[1:]}."
        try:
            parse_date(values["date"])
        except ValueError as exc:
            found["date"] = str(exc)
        return found

    def draft(self) -> Draft:
        """The details entered (call when problems() is empty)."""
        values = self._values()
        group = rater_group(values["group"]) if values["group"] else ""
        return Draft(
            values["organisation"],
            values["respondent"],
            values["role"],
            parse_date(values["date"]),
            self._instrument(),
            group,
        )

    def _say(self, line: Static, text: str) -> None:
        line.update(text)
        line.set_class(bool(text), "-shown")

    def show_problems(self, found: dict[str, str]) -> None:
        """Each problem under its field; the first wrong field gets the focus, scrolled into view with its line."""
        self._say(self.query_one("#problem", Static), "")
        for name in ("organisation", "respondent", "group", "date"):
            self._say(self.query_one(f"#{name}-problem", Static), found.get(name, ""))
        if found:
            field = self.query_one(f"#{next(iter(found))}", Input)
            field.focus(scroll_visible=False)
            # Centred once the lines are laid out: its label above and its problem below are in view too.
            self.call_after_refresh(self.query_one(VerticalScroll).scroll_to_center, field, animate=False)

    def action_create(self) -> None:
        found = self.problems()
        self.show_problems(found)
        if found:
            return
        try:
            store = self.make(self.draft())
        except StickError as exc:
            line = self.query_one("#problem", Static)
            self._say(line, f"Not created: {exc}")
            self.call_after_refresh(self.query_one(VerticalScroll).scroll_home, animate=False)
            return
        self.dismiss(store)

    def touched(self) -> bool:
        """Whether anything was typed (or chosen) that closing would lose."""
        values = self._values()
        typed = any(values[name] for name in ("organisation", "respondent", "role", "group"))
        default = self.choices[0].id if len(self.choices) > 1 else ""
        return typed or values["date"] != self.today.isoformat() or self._instrument() != default

    def action_cancel(self) -> None:
        if closed_a_drop_down(self):
            return
        if not self.touched():
            self.dismiss(None)
            return
        from tui.app.discard import DiscardDialog

        def chosen(throw_away: bool | None) -> None:
            if throw_away:
                self.dismiss(None)

        self.app.push_screen(DiscardDialog("Throw away this new assessment?"), chosen)


def _problem_line(field: str) -> Static:
    return Static("", id=f"{field}-problem", classes="problem", markup=False)
