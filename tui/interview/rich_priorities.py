"""The priorities offer as questionary prompts; each field is saved as it is given."""

from __future__ import annotations

import questionary

from tui.interview.asker import MAX_NUMBERED, Asker
from tui.interview.flow import Walk
from tui.interview.priorities import (
    DATE_HINT,
    area_label,
    area_question,
    function_question,
    intro,
    parse_date,
    priority_line,
    set_last,
    start_priority,
)


def offer_priorities(asker: Asker, walk: Walk) -> bool:
    """Offer to record priorities; False when the person asks to go back to the questions."""
    if not walk.instrument.areas:
        return True
    asker.say()
    asker.say("Priorities", "bold")
    asker.say(intro(walk.instrument))
    if walk.assessment.priorities:
        asker.say("Already recorded:")
    for n, priority in enumerate(walk.assessment.priorities, start=1):
        asker.say(priority_line(walk.instrument, n, priority))
    while True:
        action = asker.select(
            "Priorities",
            [
                questionary.Choice("Add a priority", value="add", shortcut_key="a"),
                questionary.Choice("Back to the last question", value="back", shortcut_key="b"),
                questionary.Choice("Finish", value="finish", shortcut_key="f"),
            ],
            instruction="(a letter or arrow keys, then Enter)",
        )
        if action == "back":
            return False
        if action == "finish":
            return True
        enter_priority(asker, walk)


def _numbered(pairs: list[tuple[str, str]]) -> list[questionary.Choice]:
    """Choices keyed 1 to 9 where there are few enough; otherwise the arrow keys alone."""
    short = len(pairs) <= MAX_NUMBERED
    return [
        questionary.Choice(title, value=value, shortcut_key=str(n) if short else False)
        for n, (title, value) in enumerate(pairs, start=1)
    ]


def _date_error(text: str) -> bool | str:
    try:
        parse_date(text)
    except ValueError as exc:
        return str(exc)
    return True


def enter_priority(asker: Asker, walk: Walk) -> None:
    instrument = walk.instrument
    result = walk.session.result
    area_id = asker.select(
        area_question(instrument),
        _numbered([(area_label(instrument, result, a.id), a.id) for a in instrument.areas]),
        numbered=len(instrument.areas) <= MAX_NUMBERED,
    )
    function_id = start_priority(walk.session, area_id).function

    for field, message in (
        ("title", "Title: a few words on what will be done"),
        ("lead", "Lead: the person responsible"),
    ):
        _save_text(walk, field, asker.text(message, instruction="(Enter to leave empty)"))

    if instrument.functions:
        chosen = asker.select(
            function_question(instrument),
            _numbered([(f.label, f.id) for f in instrument.functions]),
            default=function_id,
            numbered=len(instrument.functions) <= MAX_NUMBERED,
        )
        if chosen != function_id:
            set_last(walk.session, function=chosen)

    for field, label in (("target", "Target date"), ("review", "Review date")):
        typed = asker.text(label, instruction=f"({DATE_HINT}; Enter to leave empty)", validate=_date_error)
        when = parse_date(typed)
        if when is not None:
            set_last(walk.session, **{field: when})
    _save_text(
        walk, "measure", asker.text("Measure: how you will know it worked", instruction="(Enter to leave empty)")
    )
    number = len(walk.assessment.priorities)
    asker.say(f"Saved priority {priority_line(instrument, number, walk.assessment.priorities[-1])}")


def _save_text(walk: Walk, field: str, text: str) -> None:
    if text.strip():
        set_last(walk.session, **{field: text.strip()})
