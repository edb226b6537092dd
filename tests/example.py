"""The documented example instruments, read from the format doc so the two never drift."""

from __future__ import annotations

import re
from pathlib import Path

from surveys.instruments.instrument_file import problems_in
from surveys.model.instrument import Instrument

DOC = Path(__file__).resolve().parent.parent / "docs" / "instrument-format.md"
# The doc's ```toml blocks, in order.
DECK, EDS, MINIMAL = 0, 1, 2


def examples() -> list[str]:
    found = re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(found) == 3, "docs/instrument-format.md should hold three ```toml examples"
    return found


def example_text(which: int = DECK) -> str:
    return examples()[which]


def example_instrument(which: int = DECK) -> Instrument:
    instrument, problems = problems_in(example_text(which).encode("utf-8"), "example.toml")
    assert instrument is not None, problems
    return instrument
