"""A fast reader for response files as stick writes them, or nothing: then tomllib reads them.

Opening a folder of 10,000 assessments cold is parsing 10,000 TOML files, and
tomllib (pure Python, the only parser a plain `python` has) takes about 0.8 ms
for each. The files stick writes use a small part of TOML in one fixed layout
(tomli-w's): `key = value` lines with bare keys, `[a.b]` and `[[a]]` headers,
values that are one-line basic strings, integers, booleans, dates, date-times
or an empty array. This reader takes exactly that part, line by line, and
gives back what tomllib would; the moment a line is anything else (a comment
after a value, a quoted key, a literal or multi-line string, an escape it does
not decode the way TOML does, a key defined twice) it gives up and returns
None, and the caller parses the text with tomllib, errors and all. So a file
edited by hand reads as before; only speed differs.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

_KEY = r"[A-Za-z0-9_-]+"
_PATH = re.compile(rf"{_KEY}(?:\.{_KEY})*")
_PAIR = re.compile(rf"({_KEY}) = (.+)")
# The values this reader takes, as pattern text: surveys/folders/summary_reader.py builds its
# one-pass grammar from the same. Digits are ASCII only (`\d` also takes other scripts').
# A basic string with only the escapes JSON decodes exactly as TOML does, and no control
# characters but the tab (TOML allows it raw; tomli-w writes it so). Possessive (`++`, `*+`):
# runs of plain characters between escapes, never retried; one choice per character took
# 0.5 s to match a 1 MB note, this 8 ms.
STRING = r'"(?:[^"\\\x00-\x08\x0a-\x1f\x7f]++|\\[btnfr"\\])*+"'
INT = r"-?(?:0|[1-9][0-9]{0,17})"
DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
DATETIME = r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?(?:[+-][0-9]{2}:[0-9]{2})?"
_STRING, _INT, _DATE, _DATETIME = (re.compile(p) for p in (STRING, INT, DATE, DATETIME))
_NOT_IN_COMMENT = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


_decode = json.JSONDecoder(strict=False).decode  # strict=False: a raw tab, as TOML allows


class _GiveUp(Exception):
    pass


def _value(text: str) -> Any:
    first = text[0]
    if first == '"':
        if _STRING.fullmatch(text) is None:
            raise _GiveUp
        return text[1:-1] if "\\" not in text else _decode(text)
    if text == "true":
        return True
    if text == "false":
        return False
    if text == "[]":
        return []
    if _INT.fullmatch(text):
        return int(text)
    try:
        if _DATE.fullmatch(text):
            return date.fromisoformat(text)
        if _DATETIME.fullmatch(text):
            return datetime.fromisoformat(text)
    except ValueError:
        raise _GiveUp from None
    raise _GiveUp


def loads(text: str) -> dict[str, Any] | None:
    """What `tomllib.loads(text)` returns, for text in stick's own layout; None for anything else."""
    try:
        return _loads(text)
    except (_GiveUp, ValueError, RecursionError):
        return None


def _loads(text: str) -> dict[str, Any]:
    root: dict[str, Any] = {}
    table = root
    # Every table a header or a path named, so no table is defined twice.
    seen: set[tuple[str, ...]] = set()
    for line in text.split("\n"):
        if not line or line[0] == "#":
            if line and _NOT_IN_COMMENT.search(line):
                raise _GiveUp
            continue
        if line[0] == "[":
            table = _header(root, line, seen)
            continue
        pair = _PAIR.fullmatch(line)
        if pair is None:
            raise _GiveUp
        key, raw = pair.groups()
        if key in table:
            raise _GiveUp
        table[key] = _value(raw)
    return root


def _header(root: dict[str, Any], line: str, seen: set[tuple[str, ...]]) -> dict[str, Any]:
    many = line.startswith("[[")
    inner = line[2:-2] if many else line[1:-1]
    if not (line.endswith("]]") if many else line.endswith("]")) or _PATH.fullmatch(inner) is None:
        raise _GiveUp
    if inner.endswith("]") or inner.startswith("["):
        raise _GiveUp
    path = tuple(inner.split("."))
    parent = root
    for depth, part in enumerate(path[:-1]):
        found = parent.get(part)
        if found is None:
            found = parent[part] = {}
            seen.add(path[: depth + 1])
        elif not isinstance(found, dict) or path[: depth + 1] not in seen:
            raise _GiveUp  # into an array of tables, or a value: left to tomllib
        parent = found
    last = path[-1]
    if many:
        marker = ("[[", *path)  # arrays of tables are kept apart from tables in `seen`
        if marker not in seen:
            if last in parent:
                raise _GiveUp  # a table, or an array written as a value: left to tomllib
            parent[last] = []
            seen.add(marker)
        entry: dict[str, Any] = {}
        parent[last].append(entry)
        return entry
    if path in seen or last in parent:
        raise _GiveUp  # defined already (even implicitly, as a parent): left to tomllib
    seen.add(path)
    table: dict[str, Any] = {}
    parent[last] = table
    return table
