"""The checker's tools: collecting problems by key path while reading a table.

Shared by the format 1 reader (instrument_check) and the format 2 tables
(format2_check), so both speak with one voice.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from surveys.terminal_text import first_unsafe, terminal_safe

if TYPE_CHECKING:
    from surveys.instruments.toml_locate import Path

_ID = re.compile(r"^[A-Za-z0-9_-]+$")


class Problem(NamedTuple):
    path: Path
    message: str
    # Where the first of a duplicate stands, for "first at line N".
    first: Path | None = None


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class Checker:
    def __init__(self, format: int = 1) -> None:
        self.problems: list[Problem] = []
        # Format 1 requires every framework table; format 2 only those it uses.
        self.format = format

    def fail(self, path: Path, message: str, first: Path | None = None) -> None:
        self.problems.append(Problem(path, message, first))

    def table(self, data: Any, path: Path, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(path, f"{dotted(path)} must be a table")
            return {}
        for key in data:
            if key not in allowed:
                self.fail(path + (key,), f"unknown key {key!r} in {dotted(path) or 'the file'}")
        return data

    def text(self, table: dict[str, Any], key: str, path: Path, required: bool = True) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.fail(path, f"{dotted(path) or 'the file'} is missing {key!r}")
            return ""
        if not isinstance(value, str):
            self.fail(path + (key,), f"{key!r} must be a string, not {type_name(value)}")
            return ""
        if required and not value.strip():
            self.fail(path + (key,), f"{key!r} must not be empty")
        self.plain(value, path + (key,), key)
        return value

    def plain(self, value: str, path: Path, key: str) -> None:
        # An instrument's words are drawn on every screen: a control character or a
        # bidi override there could only be meant to take over a terminal.
        bad = first_unsafe(value, "\n\t")
        if bad is not None:
            self.fail(path, f"{key!r} holds a control character ({terminal_safe(bad)}): remove it")

    def ident(self, table: dict[str, Any], path: Path, seen: dict[str, Path], kind: str) -> str:
        value = self.text(table, "id", path)
        if value and not _ID.match(value):
            self.fail(path + ("id",), f"{kind} id {value!r} may hold only letters, digits, - and _")
        if value in seen:
            self.fail(path + ("id",), f"duplicate {kind} id {value!r}", first=seen[value] + ("id",))
        elif value:
            seen[value] = path
        return value

    def strings(self, table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(path + (key,), f"{key!r} must be a list of strings")
            return ()
        for text in value:
            self.plain(text, path + (key,), key)
        return tuple(value)

    def array(self, table: dict[str, Any], key: str, path: Path, least: int = 1, required: bool = True) -> list[Any]:
        value = table.get(key)
        if value is None and not required:
            return []
        if value is None:
            self.fail(path, f"{dotted(path) or 'the file'} is missing {key!r} ([[{key}]] tables)")
            return []
        if not isinstance(value, list):
            self.fail(path + (key,), f"{key!r} must be an array of tables ([[{key}]])")
            return []
        if len(value) < least:
            self.fail(path + (key,), f"{dotted(path + (key,))} needs at least {least} entries")
        return value


def type_name(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
        str: "a string",
    }.get(type(value), type(value).__name__)
