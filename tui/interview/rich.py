"""`stick interview FILE` in a terminal: one questionary prompt a question.

Choices are numbered; a number moves to its choice and Enter picks it, as do
the arrow keys. questionary has no way back, so "Back" is a choice of its own
(key b) and the walk (flow.py) does the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import questionary

from surveys.answers import AnswerState, resolve
from surveys.limits import cap_note, note_cut_message
from surveys.model import Question
from tui.interview.asker import MAX_NUMBERED, Asker, Terminal
from tui.interview.flow import Command, Walk
from tui.interview.loop import run_interview
from tui.interview.protocol import parse_line
from tui.interview.rich_priorities import offer_priorities
from tui.interview.wording import current_answer, progress_line


def choice_prompt(asker: Asker, walk: Walk, question: Question) -> Command:
    numbered = len(question.options) <= MAX_NUMBERED
    choices: list[Any] = [
        questionary.Choice(option.label, value=str(n), shortcut_key=str(n) if numbered else False)
        for n, option in enumerate(question.options, start=1)
    ]
    choices += [
        questionary.Choice("Don't know", value="d", shortcut_key="d" if numbered else False),
        questionary.Separator(),
        questionary.Choice("Skip this question", value="s", shortcut_key="s" if numbered else False),
        questionary.Choice("Back to the previous question", value="b", shortcut_key="b" if numbered else False),
    ]
    answer = walk.assessment.answer(question.id)
    state = resolve(question, answer)
    default = None
    if answer is not None and state is AnswerState.ANSWERED:
        default = str(answer.choice)
    elif state is AnswerState.DONT_KNOW:
        default = "d"
    picked = asker.select(question.text, choices, default=default, numbered=numbered)
    command = parse_line(question, picked)
    assert isinstance(command, Command)  # the values above are all valid lines
    return command


def text_prompt(asker: Asker, question: Question) -> Command:
    # Not filled in with the current answer (shown above it): an empty line keeps
    # it, as in the plain mode, and a lone b or d cannot be glued to old text.
    typed = asker.text(question.text, instruction="(Enter to save; empty to skip; b alone: back; d alone: don't know)")
    command = parse_line(question, typed)
    assert isinstance(command, Command)  # a text question takes any line
    return command


class RichFront:
    """The questionary mode as a front of the one interview loop (loop.py)."""

    plain = False

    def __init__(self, asker: Asker) -> None:
        self.asker = asker

    def say(self, text: str = "") -> None:
        self.asker.say(text)

    def opening(self, walk: Walk) -> None:
        pass  # the menus say what to press

    def ask(self, walk: Walk) -> Command:
        question = walk.question
        self.asker.say()
        self.asker.say(progress_line(walk.progress), "bold")
        if question.help:
            self.asker.say(f"Help: {question.help}")
        for line in current_answer(question, walk.assessment):
            self.asker.say(line)
        if question.kind == "text":
            return text_prompt(self.asker, question)
        return choice_prompt(self.asker, walk, question)

    def after_answer(self, walk: Walk, command: Command) -> None:
        note = self.asker.text("Note", instruction="(type a note, or Enter to go on)")
        if note.strip():
            if cap_note(note)[1]:
                self.asker.say(note_cut_message())
            walk.set_note(note)

    def offer_priorities(self, walk: Walk) -> bool:
        return offer_priorities(self.asker, walk)


def run_rich(walk: Walk, terminal: Terminal, path: Path) -> int:
    return run_interview(walk, RichFront(Asker(terminal)), path)
