"""The priorities offer in plain prompts: one field a line, anything not understood asked again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from surveys.model.limits import small_number
from surveys.model.vocabulary import vocabulary
from tui.interview.flow import Walk
from tui.interview.priorities import (
    DATE_HINT,
    area_label,
    area_question,
    function_question,
    intro,
    numbered_prompt,
    parse_date,
    priority_line,
    set_last,
    start_priority,
)

if TYPE_CHECKING:
    from tui.interview.line_io import LineIO

YES = ("y", "yes")
NO = ("n", "no")


def offer_priorities(walk: Walk, io: LineIO) -> bool:
    """Offer to record priorities; False when the person asks to go back to the questions."""
    if not walk.instrument.areas:
        return True
    io.say()
    io.say("Priorities")
    io.say(intro(walk.instrument))
    if walk.assessment.priorities:
        io.say("Already recorded:")
    for n, priority in enumerate(walk.assessment.priorities, start=1):
        io.say(priority_line(walk.instrument, n, priority))
    prompt = "Add a priority? Type y or n (b: back to the last question): "
    while True:
        reply = io.ask(prompt).strip().lower()
        if reply == "b":
            return False
        if reply in NO:
            return True
        if reply in YES:
            enter_priority(walk, io)
            prompt = "Add another priority? Type y or n (b: back to the last question): "
        else:
            io.say("Type y to add a priority, n to finish, or b to go back to the last question.")


def ask_number(io: LineIO, prompt: str, count: int, default: int = 0) -> int:
    """A number from 1 to count; an empty line gives `default` when there is one."""
    while True:
        reply = io.ask(prompt).strip()
        if not reply and default:
            return default
        number = small_number(reply)
        if number is not None and 1 <= number <= count:
            return number
        io.say(f"Type a number from 1 to {count}" + (", or nothing for the default." if default else "."))


def enter_priority(walk: Walk, io: LineIO) -> None:
    instrument = walk.instrument
    result = walk.session.result
    io.say()
    words = vocabulary(instrument)
    io.say(area_question(instrument))
    for n, area in enumerate(instrument.areas, start=1):
        io.say(f"{n}. {area_label(instrument, result, area.id)}")
    count = len(instrument.areas)
    area = instrument.areas[ask_number(io, numbered_prompt(words.area, count), count) - 1]
    function_id = start_priority(walk.session, area.id).function

    for field, prompt in (
        ("title", "Title, a few words on what will be done (empty: none): "),
        ("lead", "Lead, the person responsible (empty: none yet): "),
    ):
        _save_text(walk, field, io.ask(prompt))

    if instrument.functions:
        _ask_function(walk, io, function_id)

    for field, label in (("target", "Target date"), ("review", "Review date")):
        while True:
            try:
                when = parse_date(io.ask(f"{label}, {DATE_HINT} (empty: none): "))
                break
            except ValueError as exc:
                io.say(str(exc))
        if when is not None:
            set_last(walk.session, **{field: when})
    _save_text(walk, "measure", io.ask("Measure, how you will know it worked (empty: none): "))
    number = len(walk.assessment.priorities)
    io.say(f"Saved priority {priority_line(instrument, number, walk.assessment.priorities[-1])}")


def _ask_function(walk: Walk, io: LineIO, function_id: str) -> None:
    instrument = walk.instrument
    io.say(function_question(instrument))
    functions = instrument.functions
    for n, function in enumerate(functions, start=1):
        io.say(f"{n}. {function.label}")
    default = next((n for n, f in enumerate(functions, start=1) if f.id == function_id), 0)
    hint = f", empty: {default}" if default else ""
    prompt = numbered_prompt(vocabulary(instrument).function, len(functions), hint)
    chosen = functions[ask_number(io, prompt, len(functions), default) - 1]
    if chosen.id != function_id:
        set_last(walk.session, function=chosen.id)


def _save_text(walk: Walk, field: str, text: str) -> None:
    if text.strip():
        set_last(walk.session, **{field: text.strip()})
