"""`stick interview --plain`: numbered prompts, one line each, nothing redrawn.

A screen reader reads every line once, top to bottom; a script pipes one line
per question (the protocol is in protocol.py and docs/interview.md). Input
and output are injected, so tests drive the same code as the terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, TextIO

from surveys.limits import cap_note, note_cut_message
from surveys.terminal_text import terminal_safe
from tui.interview.flow import Walk
from tui.interview.plain_priorities import offer_priorities
from tui.interview.protocol import Invalid, parse_line
from tui.interview.wording import current_answer, option_lines, progress_line, result_lines, resume_lines

HOW_TO = (
    "How to answer: type the number of a choice, d for don't know, s to skip or b to go back one question, then Enter.",
    "To add a note, type a space and the note after the answer, for example: 2 Discussed at the May board.",
    "Where a question asks for words, type them; a lone s, b or d still means skip, back or don't know, "
    "and an empty line skips.",
    "Every answer is saved at once. To stop, press Ctrl-D (on Windows Ctrl-Z then Enter) or Ctrl-C; "
    "run the same command again to carry on.",
)


# What a paragraph of instrument text may lay itself out with; all else is shown as escapes.
LAYOUT = "\n\t"


class LineIO(Protocol):
    def ask(self, prompt: str) -> str:
        """One line without its line ending; EOFError at the end of input."""

    def say(self, text: str = "") -> None: ...


class StreamIO:
    """Lines over two text streams. With `echo`, each line read is written back after its
    prompt, so the output of a piped run reads as a transcript."""

    def __init__(self, instream: TextIO, outstream: TextIO, echo: bool = False) -> None:
        self._in = instream
        self._out = outstream
        self._echo = echo

    def ask(self, prompt: str) -> str:
        self._out.write(terminal_safe(prompt))
        self._out.flush()
        line = self._in.readline()
        if not line:
            if self._echo:
                self._out.write("\n")
            raise EOFError
        line = line.rstrip("\r\n")
        if self._echo:
            self._out.write(terminal_safe(line) + "\n")
        return line

    def say(self, text: str = "") -> None:
        self._out.write(terminal_safe(text, keep=LAYOUT) + "\n")
        self._out.flush()


class ConsoleIO:
    """The terminal through input(), which gives line editing where the platform has it."""

    def ask(self, prompt: str) -> str:
        return input(terminal_safe(prompt))

    def say(self, text: str = "") -> None:
        print(terminal_safe(text, keep=LAYOUT), flush=True)


def run_plain(walk: Walk, io: LineIO, path: Path) -> int:
    assessment = walk.assessment
    io.say(f"stick interview: {assessment.organisation}, answered by {assessment.respondent}")
    io.say(f"File: {path}")
    for line in HOW_TO:
        io.say(line)
    if not walk.finished:
        io.say(
            f"{walk.open_count} of {len(walk.questions)} questions to answer; starting at question {walk.index + 1}."
        )
    try:
        while True:
            ask_questions(walk, io)
            for line in result_lines(walk.instrument, walk.assessment):
                io.say(line)
            if offer_priorities(walk, io):
                break
            walk.back_from_end()
        io.say()
        io.say("Done.")
        for line in resume_lines(path, plain=True):
            io.say(line)
    except (EOFError, KeyboardInterrupt):
        io.say()
        io.say("Stopped. Everything given so far is saved.")
        for line in resume_lines(path, plain=True):
            io.say(line)
    return 0


def ask_questions(walk: Walk, io: LineIO) -> None:
    shown_section = ""
    while not walk.finished:
        question = walk.question
        if question.section != shown_section:
            section = walk.instrument.section(question.section)
            io.say()
            io.say(f"Section: {section.title}")
            io.say(section.intro)
            shown_section = question.section
        io.say()
        io.say(progress_line(walk.progress))
        io.say(question.text)
        if question.help:
            io.say(f"Help: {question.help}")
        if question.kind != "text":
            for line in option_lines(question):
                io.say(line)
        for line in current_answer(question, walk.assessment):
            io.say(line)
        prompt = (
            "Answer in words, or d, s, b: "
            if question.kind == "text"
            else f"Answer (1-{len(question.options)}, d, s, b): "
        )
        while isinstance(command := parse_line(question, io.ask(prompt)), Invalid):
            io.say(command.reason)
        if command.note is not None and cap_note(command.note)[1]:
            io.say(note_cut_message())
        if not walk.apply(command):
            io.say("This is the first question: there is nothing to go back to.")
