"""Find the line of a key path in TOML text.

tomllib returns plain dicts with no positions, so messages about a valid file
(a profile that does not exist, a duplicate id) would otherwise have no line.
This scans the text the way a person reads it: table headers, array-of-table
headers and `key = value` lines, counting array entries as it goes. It is a
locator, not a parser: where it cannot tell, the caller falls back to the key
path.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_KEY = re.compile(r'\s*((?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\'))*)\s*=')
_PART = re.compile(r'[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\'')


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip("\"'") for p in _PART.findall(dotted))


class LineIndex:
    """Maps key paths such as ("sections", 0, "questions", 2, "id") to lines."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path, int] = {}
        self._scan(text)

    def line(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest located ancestor."""
        for end in range(len(path), 0, -1):
            found = self._lines.get(path[:end])
            if found is not None:
                return found
        return None

    def _scan(self, text: str) -> None:
        latest: dict[tuple[str, ...], Path] = {}  # array name -> its newest entry
        counts: dict[Path, int] = {}
        current: Path = ()
        in_string = ""
        for number, raw in enumerate(text.splitlines(), start=1):
            stripped = raw.strip()
            if in_string:
                if in_string in stripped:
                    in_string = ""
                continue
            if stripped.startswith("[["):
                name = _parts(stripped[2 : stripped.find("]]")])
                array = self._resolve(latest, name[:-1]) + name[-1:]
                index = counts.get(array, 0)
                counts[array] = index + 1
                current = array + (index,)
                self._lines.setdefault(array, number)
                latest[name] = current
                self._lines.setdefault(current, number)
            elif stripped.startswith("["):
                current = self._resolve(latest, _parts(stripped[1 : stripped.find("]")]))
                self._lines.setdefault(current, number)
            else:
                found = _KEY.match(raw)
                if found:
                    self._lines.setdefault(current + _parts(found.group(1)), number)
                    in_string = _opens_multiline(raw[found.end() :])

    @staticmethod
    def _resolve(latest: dict[tuple[str, ...], Path], name: tuple[str, ...]) -> Path:
        resolved: Path = ()
        for end in range(1, len(name) + 1):
            resolved = latest.get(name[:end], resolved + (name[end - 1],))
        return resolved


def _opens_multiline(value: str) -> str:
    """The delimiter of a multi-line string left open on this line, if any."""
    for quote in ('"""', "'''"):
        if value.count(quote) % 2 == 1:
            return quote
    return ""
