"""`stick interview FILE` in a terminal: one questionary prompt a question.

Choices are numbered; a number moves to its choice and Enter picks it, as do
the arrow keys. questionary has no way back, so "Back" is a choice of its own
(key b) and the walk (flow.py) does the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import questionary

from surveys.model.answers import AnswerState, resolve
from surveys.model.instrument import Question
from surveys.model.limits import cap_note, note_cut_message
from tui.interview.asker import MAX_NUMBERED, Asker, Terminal
from tui.interview.flow import Command, Walk
from tui.interview.loop import run_interview
from tui.interview.protocol import parse_line
from tui.interview.rich_priorities import offer_priorities
from tui.interview.wording import current_answer, opening_lines, progress_line

# The menu's "write a note" entry: not an answer, so the question is asked again after the note.
NOTE = "note"
HOW_TO = (
    "Press the number of a choice (no Enter needed), d for don't know, s to skip, b to go back,",
    "or t to write a note on the question first. Every answer is saved at once; Ctrl-C stops,",
    "and running the same command again carries on.",
)


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
        questionary.Choice("Write a note on this question", value=NOTE, shortcut_key="t" if numbered else False),
    ]
    answer = walk.assessment.answer(question.id)
    state = resolve(question, answer)
    default = None
    if answer is not None and state is AnswerState.ANSWERED:
        default = str(answer.choice)
    elif state is AnswerState.DONT_KNOW:
        default = "d"
    picked = asker.select(question.text, choices, default=default, numbered=numbered)
    if picked == NOTE:
        return Command("skip", note=NOTE)  # the front asks for the note, then this question again
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

    def __init__(self, asker: Asker, path: Path) -> None:
        self.asker = asker
        self.path = path
        self._section = ""

    def say(self, text: str = "") -> None:
        self.asker.say(text)

    def opening(self, walk: Walk) -> None:
        for line in opening_lines(walk, self.path):
            self.asker.say(line)
        for line in HOW_TO:
            self.asker.say(line)

    def ask(self, walk: Walk) -> Command:
        question = walk.question
        if question.section != self._section:
            section = walk.instrument.section(question.section)
            self.asker.say()
            self.asker.say(f"Section: {section.title}", "bold")
            self.asker.say(section.intro)
            self._section = question.section
        while True:
            command = self._ask_once(walk)
            if command.note != NOTE:
                return command
            typed = self.asker.text("Note", default=walk.session.note(question.id), instruction="(Enter keeps it)")
            if cap_note(typed)[1]:
                self.asker.say(note_cut_message())
            walk.set_note(typed)

    def _ask_once(self, walk: Walk) -> Command:
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
        pass  # no note prompt costing an Enter: t in the menu writes one when it is wanted

    def offer_priorities(self, walk: Walk) -> bool:
        return offer_priorities(self.asker, walk)


def run_rich(walk: Walk, terminal: Terminal, path: Path) -> int:
    return run_interview(walk, RichFront(Asker(terminal), path), path)
