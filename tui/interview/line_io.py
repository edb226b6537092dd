"""Lines in and out for the plain modes: a prompt asked, a line said, over streams or the console.

Its own module so the plain interview and the screens it hands over to (the priorities) share it
without importing one another.
"""

from __future__ import annotations

import shutil
from typing import Protocol, TextIO

from surveys.terminal_text import terminal_safe
from tui.interview.wrap import wrapped

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
        print(wrapped(terminal_safe(text, keep=LAYOUT), shutil.get_terminal_size().columns), flush=True)
