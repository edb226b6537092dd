"""Instruments as checked before, kept in the user's cache: a start neither parses nor checks a file it has seen.

The parse cache (surveys/instruments/parse_cache.py) spares tomllib, but the checks that
build an `Instrument` from the parsed tables still ran on every start: 3 ms
for the built-in, 170 ms for an instrument of 3,300 questions, whose first
frame they were most of. What a check built is kept here, pickled, under a
name made of the file's hash, stick's version and the shape of the model's
types, so a changed file, another stick or a changed model never reads it.

Reading it back can build nothing but the model's own types: the unpickler
refuses every other name, so a damaged or planted file can at worst give a
wrong instrument value, never run anything; and only a value that is a whole
`Instrument` is used. Anything else (missing, unreadable, damaged, unwritable)
is the same as no cache: the file is read and checked as before.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
from functools import cache
from pathlib import Path
from typing import Any

from surveys import __version__
from surveys.files.atomic import atomic_write
from surveys.model import instrument as model
from surveys.model.instrument import Instrument

FOLDER = "checked"


@cache
def _types() -> dict[str, type]:
    """The model's own types, the only names a kept instrument may hold."""
    return {
        name: value
        for name, value in vars(model).items()
        if isinstance(value, type) and value.__module__ == model.__name__
    }


@cache
def _shape() -> str:
    # Each type's fields, in order: a model that gains or loses a field is a new name for every kept file.
    parts = []
    for name, kind in sorted(_types().items()):
        names = getattr(kind, "_fields", None)
        if names is None and dataclasses.is_dataclass(kind):
            names = tuple(f.name for f in dataclasses.fields(kind))
        parts.append(f"{name}:{','.join(names or ())}")
    return hashlib.blake2b(";".join(parts).encode("utf-8"), digest_size=6).hexdigest()


def kept_file(data: bytes, cache_dir: Path) -> Path:
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    return cache_dir / FOLDER / f"{__version__}-{_shape()}-{digest}.pickle"


class _ModelOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        kind = _types().get(name) if module == model.__name__ else None
        if kind is None:
            raise pickle.UnpicklingError(f"not part of an instrument: {module}.{name}")
        return kind


def recall_checked(data: bytes, cache_dir: Path) -> Instrument | None:
    """The instrument a check made of `data` before, or None."""
    try:
        with open(kept_file(data, cache_dir), "rb") as kept:
            value = _ModelOnly(io.BytesIO(kept.read())).load()
    except Exception:  # whatever a damaged file raises, it is only a missed shortcut
        return None
    return value if isinstance(value, Instrument) else None


def keep_checked(data: bytes, instrument: Instrument, cache_dir: Path) -> None:
    """Keep what the check of `data` built; never fails."""
    try:
        # Without the values worked out from it (the question list, the index by id): rebuilt when used.
        plain = dataclasses.replace(instrument)
        body = pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)
        target = kept_file(data, cache_dir)
        os.makedirs(target.parent, exist_ok=True)
        atomic_write(target, body)
    except (OSError, pickle.PicklingError, TypeError, ValueError, RecursionError):
        pass  # a read-only or full cache costs only the speed-up
