"""Loading instrument files: the built-in one and any a team writes."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from surveys.errors import InstrumentError
from surveys.instrument_check import Problem, check, dotted
from surveys.model import Instrument
from surveys.textfile import parse, read_bytes

if TYPE_CHECKING:
    from surveys.toml_locate import LineIndex

BUILTIN_NAME = "race_equality.toml"


def problems_in(data: bytes, name: str) -> tuple[Instrument | None, list[str]]:
    """The instrument, or every problem as `NAME:LINE: message`."""
    parsed = parse(data)
    if parsed.failure is not None:
        where = f"{name}:{parsed.failure.line}" if parsed.failure.line else name
        return None, [f"{where}: {parsed.failure.message}"]
    assert parsed.data is not None
    instrument, problems = check(parsed.data)
    if instrument is not None:
        return instrument, []
    from surveys.toml_locate import LineIndex  # only a failing file needs line numbers

    index = LineIndex(parsed.text)
    # Reported in file order, so an author can work down the file.
    ordered = sorted(problems, key=lambda p: index.line(p.path) or 0)
    return None, [_located(name, index, p) for p in ordered]


def _located(name: str, index: LineIndex, problem: Problem) -> str:
    message = problem.message
    if problem.first is not None:
        first = index.line(problem.first)
        message += f" (first at line {first})" if first else f" (first at {dotted(problem.first)})"
    line = index.line(problem.path)
    if line is not None:
        return f"{name}:{line}: {message}"
    return f"{name}: {dotted(problem.path) or '(top)'}: {message}"


def load_instrument(path: Path) -> Instrument:
    """Load and check an instrument file; InstrumentError names every problem."""
    try:
        data = read_bytes(path)
    except OSError as exc:
        raise InstrumentError(f"{path}: cannot read instrument: {exc.strerror or exc}") from None
    instrument, problems = problems_in(data, str(path))
    if instrument is None:
        more = f" (and {len(problems) - 1} more; run: stick check {path})" if len(problems) > 1 else ""
        raise InstrumentError(problems[0] + more, tuple(problems))
    return instrument


@lru_cache(maxsize=1)
def builtin_instrument() -> Instrument:
    """The deck's framework; read through importlib.resources so it loads from a zip too."""
    data = resources.files("surveys.instruments").joinpath(BUILTIN_NAME).read_bytes()
    instrument, problems = problems_in(data, BUILTIN_NAME)
    if instrument is None:
        raise RuntimeError("the built-in instrument is invalid: " + "; ".join(problems))
    return instrument


def builtin_bytes() -> bytes:
    return resources.files("surveys.instruments").joinpath(BUILTIN_NAME).read_bytes()
