"""Loading instrument files: the built-in one and any a team writes."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from surveys.errors import InstrumentError
from surveys.files.cache_dir import default_cache_dir
from surveys.files.textfile import read_bytes
from surveys.instruments.checked_cache import keep_checked, recall_checked
from surveys.model.instrument import Instrument
from surveys.shell_words import how_to_run

if TYPE_CHECKING:
    from surveys.instruments.instrument_check import Problem
    from surveys.instruments.toml_locate import LineIndex

BUILTIN_NAME = "race_equality.toml"
# Built-in instruments by id, the deck's first: it is the default.
BUILTINS = {"race-equality-stick": BUILTIN_NAME, "eds2022": "eds2022.toml"}
DEFAULT_ID = "race-equality-stick"


def problems_in(data: bytes, name: str, cache_dir: Path | None = None) -> tuple[Instrument | None, list[str]]:
    """The instrument, or every problem as `NAME:LINE: message`.

    A file checked before is taken from the cache as the check built it
    (`surveys/instruments/checked_cache.py`); one only parsed before, from the parse cache
    (`surveys/instruments/parse_cache.py`), checked as fully as a fresh parse. Only a good
    instrument is kept.
    """
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    checked = recall_checked(data, folder)
    if checked is not None:
        return checked, []
    # The checks and the parse are loaded only here: a start on a file seen before needs neither.
    from surveys.files.textfile import parse
    from surveys.instruments.instrument_check import check
    from surveys.instruments.parse_cache import keep, recall

    kept = recall(data, folder)
    if kept is not None:
        instrument, _ = check(kept)
        if instrument is not None:
            keep_checked(data, instrument, folder)
            return instrument, []
        # A kept value that fails its check is no help: parse the file afresh and say why.
    parsed = parse(data)
    if parsed.failure is not None:
        where = f"{name}:{parsed.failure.line}" if parsed.failure.line else name
        return None, [f"{where}: {parsed.failure.message}"]
    assert parsed.data is not None
    instrument, problems = check(parsed.data)
    if instrument is not None:
        keep(data, parsed.data, folder)
        keep_checked(data, instrument, folder)
        return instrument, []
    from surveys.instruments.toml_locate import LineIndex  # only a failing file needs line numbers

    index = LineIndex(parsed.text)
    # Reported in file order, so an author can work down the file.
    ordered = sorted(problems, key=lambda p: index.line(p.path) or 0)
    return None, [_located(name, index, p) for p in ordered]


def _located(name: str, index: LineIndex, problem: Problem) -> str:
    from surveys.instruments.check_tools import dotted

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
        more = f" (and {len(problems) - 1} more; run: {how_to_run('check', str(path))})" if len(problems) > 1 else ""
        raise InstrumentError(problems[0] + more, tuple(problems))
    return instrument


def builtin_instrument(ident: str = DEFAULT_ID) -> Instrument:
    """A built-in instrument (the deck's by default); read through importlib.resources so it loads from a zip too."""
    return _builtin(ident)


@cache
def _builtin(ident: str) -> Instrument:
    # Cached by id alone, so every caller shares one value (the cache would key f() and f(DEFAULT_ID) apart).
    name = BUILTINS[ident]
    instrument, problems = problems_in(builtin_bytes(ident), name)
    if instrument is None:
        raise RuntimeError(f"the built-in instrument {name} is invalid: " + "; ".join(problems))
    return instrument


def builtin_bytes(ident: str = DEFAULT_ID) -> bytes:
    # Read by the package's own loader, which reads beside its modules in a folder and inside the .pyz
    # alike; importlib.resources does the same but costs 10-15 ms to import on every start.
    import surveys.instruments as package

    loader = package.__spec__.loader
    get_data = getattr(loader, "get_data", None)
    if get_data is None or package.__file__ is None:
        from importlib import resources  # a loader of another kind: the general way

        return resources.files(package).joinpath(BUILTINS[ident]).read_bytes()
    data: bytes = get_data(os.path.join(os.path.dirname(package.__file__), BUILTINS[ident]))
    return data


def is_builtin_name(given: Path) -> bool:
    """Whether `--instrument X` names a built-in by id: X is an id and no file of that name is there."""
    return str(given) in BUILTINS and not given.exists()


def named_instrument(given: Path) -> Instrument:
    """What `--instrument X` names: a built-in id, else an instrument file."""
    if is_builtin_name(given):
        return builtin_instrument(str(given))
    if not given.exists():
        known = ", ".join(BUILTINS)
        raise InstrumentError(f"{given}: no such instrument file, and not a built-in ({known})")
    return load_instrument(given)
