"""The one interview loop both modes run: questions, result, priorities, and how it ends.

A mode is a `Front`: it shows a question and turns what was typed into a
`Command`, says lines, and offers the priorities. The loop records each
command through the walk, so the plain and the questionary mode cannot drift
in what they save or where they go next.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from tui.interview.flow import Command, Walk
from tui.interview.wording import result_lines, resume_lines

FIRST_QUESTION = "This is the first question: there is nothing to go back to."


class Front(Protocol):
    plain: bool

    def say(self, text: str = "") -> None: ...

    def opening(self, walk: Walk) -> None:
        """What is said before the first question."""

    def ask(self, walk: Walk) -> Command:
        """Show the walk's question and return what the person asked for."""

    def after_answer(self, walk: Walk, command: Command) -> None:
        """Anything asked once an answer is recorded (the questionary mode's note)."""

    def offer_priorities(self, walk: Walk) -> bool:
        """Offer to record priorities; False when the person asks to go back to the questions."""


def run_interview(walk: Walk, front: Front, path: Path) -> int:
    front.opening(walk)
    try:
        while True:
            while not walk.finished:
                command = front.ask(walk)
                walk.record_command(command)
                if command.kind in ("choose", "dont_know"):
                    front.after_answer(walk, command)
                if command.kind != "back":
                    walk.forward()
                elif not walk.back():
                    front.say(FIRST_QUESTION)
            for line in result_lines(walk.instrument, walk.assessment):
                front.say(line)
            if front.offer_priorities(walk):
                break
            walk.back_from_end()
        front.say()
        front.say("Done.")
    except (EOFError, KeyboardInterrupt):
        front.say()
        front.say("Stopped. Everything given so far is saved.")
    for line in resume_lines(path, plain=front.plain):
        front.say(line)
    return 0
