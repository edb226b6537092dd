"""The fixed line protocol of `stick interview --plain` (docs/interview.md).

Scripts that transcribe paper forms depend on it, so it changes only with the
document. One line answers one question:

- choice questions: a number, `d` (don't know), `s` (skip) or `b` (back),
  optionally followed by a space and a note kept verbatim;
- text questions: the whole line is the answer, except that a lone `s`, `b`
  or `d` keeps its meaning and an empty line skips.

A line that means nothing here is `Invalid`, with the reason to print; it is
never taken as an answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from surveys.model.instrument import Question
from surveys.model.limits import small_number
from tui.interview.flow import Command

LETTERS = {"d": "dont_know", "s": "skip", "b": "back"}


@dataclass(frozen=True)
class Invalid:
    reason: str


def keys_hint(question: Question) -> str:
    if question.kind == "text":
        return "type the answer, or d, s or b"
    return f"type a number from 1 to {len(question.options)}, d, s or b"


def parse_line(question: Question, line: str) -> Command | Invalid:
    line = line.rstrip("\r\n")
    if question.kind == "text":
        return _text_line(line)
    head, space, rest = line.lstrip().partition(" ")
    # A note is everything after the first space, exactly as typed; only a
    # note of nothing but spaces is no note.
    note = rest if space and rest.strip() else None
    command = head.lower()
    if command in LETTERS:
        return Command(LETTERS[command], note=note)  # type: ignore[arg-type]
    if command.isascii() and command.isdigit():
        number = small_number(command)
        if number is not None and 1 <= number <= len(question.options):
            return Command("choose", number=number, note=note)
        shown = command if len(command) <= 20 else command[:20] + "..."
        return Invalid(f"There is no choice {shown} here: {keys_hint(question)}.")
    if not command:
        return Invalid(f"Nothing was typed: {keys_hint(question)}.")
    shown = command if len(command) <= 20 else command[:20] + "..."
    return Invalid(f"Not understood: {shown!r}. To answer, {keys_hint(question)}; a note may follow after a space.")


def _text_line(line: str) -> Command:
    if line.strip().lower() in LETTERS:
        return Command(LETTERS[line.strip().lower()])  # type: ignore[arg-type]
    if not line.strip():
        return Command("skip")
    return Command("write", text=line)
