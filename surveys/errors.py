"""Errors the engine raises for bad input: each carries one line for the user."""

from __future__ import annotations


class StickError(Exception):
    """Bad input: the front ends print the message on one line and exit 2."""


class InstrumentError(StickError):
    """An instrument file that cannot be used; `problems` lists every one found."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class ResponseFileError(StickError):
    """A response file that cannot be read or written."""
