"""Instrument files as parsed before, kept in the user's cache: the first frame need not parse TOML.

Every start reads an instrument (the built-in one is 34 KB of TOML), and
tomllib takes 5-8 ms of it on a start whose whole budget is a third of a
second. What tomllib made of a file is kept as JSON (about 0.2 ms to read),
named by a hash of the file's bytes: a changed file is a new name, so nothing
can be stale. A file whose value JSON cannot hold exactly (a TOML date) is
simply not kept. The cache is a convenience: a missing, unreadable, unwritable
or damaged one is the same as none, and what it gives is still checked in full
like anything parsed.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from pathlib import Path
from typing import Any

from surveys.files.atomic import atomic_write

FOLDER = "parsed"
# Bumped when the kept form changes, so an older stick's files are never misread.
VERSION = 1


def cache_file(data: bytes, cache_dir: Path) -> Path:
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    return cache_dir / FOLDER / f"v{VERSION}-{digest}.json"


def recall(data: bytes, cache_dir: Path) -> dict[str, Any] | None:
    """What tomllib made of `data` before, or None."""
    try:
        with open(cache_file(data, cache_dir), "rb") as kept:
            value = json.loads(kept.read())
    except (OSError, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def keep(data: bytes, parsed: dict[str, Any], cache_dir: Path) -> None:
    """Keep `parsed` (tomllib's value of `data`) if JSON holds it exactly; never fails."""
    if not _json_exact(parsed):
        return
    try:
        text = json.dumps(parsed, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        target = cache_file(data, cache_dir)
        os.makedirs(target.parent, exist_ok=True)
        atomic_write(target, text.encode("utf-8"))
    except (OSError, ValueError, RecursionError):
        pass  # a read-only or full cache costs only the speed-up


def _json_exact(value: object) -> bool:
    """Whether JSON gives back exactly `value`: strings, whole numbers, finite floats, booleans, lists, tables."""
    if isinstance(value, str | bool | int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_json_exact(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_exact(v) for k, v in value.items())
    return False  # dates and times: JSON has no such thing
