"""The documented example instrument, read from the format doc so the two never drift."""

from __future__ import annotations

import re
from pathlib import Path

from surveys.instrument_file import problems_in
from surveys.model import Instrument

DOC = Path(__file__).resolve().parent.parent / "docs" / "instrument-format.md"


def example_text() -> str:
    found = re.search(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert found, "docs/instrument-format.md has no ```toml example"
    return found.group(1)


def example_instrument() -> Instrument:
    instrument, problems = problems_in(example_text().encode("utf-8"), "example.toml")
    assert instrument is not None, problems
    return instrument
