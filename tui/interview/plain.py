"""`stick interview --plain`: numbered prompts, one line each, nothing redrawn.

A screen reader reads every line once, top to bottom; a script pipes one line
per question (the protocol is in protocol.py and docs/interview.md). Input
and output are injected, so tests drive the same code as the terminal.
"""

from __future__ import annotations

from pathlib import Path

from surveys.model.limits import cap_note, note_cut_message
from tui.interview.flow import Command, Walk
from tui.interview.line_io import LineIO
from tui.interview.loop import run_interview
from tui.interview.plain_priorities import offer_priorities
from tui.interview.protocol import Invalid, parse_line
from tui.interview.wording import current_answer, opening_lines, option_lines, progress_line

HOW_TO = (
    "How to answer: type the number of a choice, d for don't know, s to skip or b to go back one question, then Enter.",
    "To add a note, type a space and the note after the answer, for example: 2 Discussed at the May board.",
    "Where a question asks for words, type them; a lone s, b or d still means skip, back or don't know, "
    "and an empty line skips.",
    "Every answer is saved at once. To stop, press Ctrl-D (on Windows Ctrl-Z then Enter) or Ctrl-C; "
    "run the same command again to carry on.",
)


class PlainFront:
    """The plain mode as a front of the one interview loop (loop.py)."""

    plain = True

    def __init__(self, io: LineIO, path: Path) -> None:
        self.io = io
        self.path = path
        self._section = ""

    def say(self, text: str = "") -> None:
        self.io.say(text)

    def opening(self, walk: Walk) -> None:
        header, file_line, *count = opening_lines(walk, self.path)
        for line in (header, file_line, *HOW_TO, *count):
            self.say(line)

    def ask(self, walk: Walk) -> Command:
        question = walk.question
        if question.section != self._section:
            section = walk.instrument.section(question.section)
            self.say()
            self.say(f"Section: {section.title}")
            self.say(section.intro)
            self._section = question.section
        self.say()
        self.say(progress_line(walk.progress))
        self.say(question.text)
        if question.help:
            self.say(f"Help: {question.help}")
        if question.kind != "text":
            for line in option_lines(question):
                self.say(line)
        for line in current_answer(question, walk.assessment):
            self.say(line)
        prompt = (
            "Answer in words, or d, s, b: "
            if question.kind == "text"
            else f"Answer (1-{len(question.options)}, d, s, b): "
        )
        while isinstance(command := parse_line(question, self.io.ask(prompt)), Invalid):
            self.say(command.reason)
        if command.note is not None and cap_note(command.note)[1]:
            self.say(note_cut_message())
        return command

    def after_answer(self, walk: Walk, command: Command) -> None:
        pass  # the note came on the same line as the answer

    def offer_priorities(self, walk: Walk) -> bool:
        return offer_priorities(walk, self.io)


def run_plain(walk: Walk, io: LineIO, path: Path) -> int:
    return run_interview(walk, PlainFront(io, path), path)
