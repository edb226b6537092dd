"""TOML text from tomli-w, reusing the text of long strings it has already written.

A 1 MB note was escaped again, a character at a time, on every answer: about
100 ms a save for text that had not changed. Long strings are therefore
swapped for short placeholders before tomli-w writes the document, and the
text tomli-w wrote for each long string (kept from an earlier save) is put
back in their place. The result is byte for byte what tomli-w writes for the
whole document (tests/test_toml_reuse.py holds it to that).

Only strings that are values of tables are swapped: tomli-w decides how to lay
out an array of tables by the length of its items, so inside arrays nothing is
touched.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

LONG = 4096  # shorter strings are cheaper to escape again than to look up
_KEEP = 32  # long strings remembered; an open assessment has a few at most
_written: dict[str, bytes] = {}


# tomli-w's escapes for a one-line basic string: these six by name, every other control
# character (but the tab) as \uXXXX in lower case. Found by one regular expression, which
# passes over the text between escapes in C: tomli-w walks it a character at a time (about
# 100-180 ms for a 1 MB note; this, 5-60 ms by how many escapes it holds).
_ESCAPES = {chr(c): f"\\u{c:04x}" for c in (*range(0x20), 0x7F) if chr(c) != "\t"} | {
    "\b": "\\b",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}
_TO_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")


def basic_string(value: str) -> str:
    """`value` as tomli-w writes it as a one-line basic string, quotes included."""
    return '"' + _TO_ESCAPE.sub(lambda found: _ESCAPES[found.group()], value) + '"'


def _formatted(value: str) -> bytes:
    """The TOML text of a string value as tomli-w writes it (quotes included), in UTF-8."""
    found = _written.get(value)
    if found is None:
        found = basic_string(value).encode("utf-8")
        if len(_written) >= _KEEP:
            _written.pop(next(iter(_written)))
        _written[value] = found
    return found


def dumps_utf8(doc: Mapping[str, Any]) -> bytes:
    """What `tomli_w.dumps(doc, multiline_strings=False)` returns, in UTF-8, without escaping long strings again."""
    import tomli_w

    token = f"stick-long-{os.urandom(8).hex()}-"
    longs: dict[str, bytes] = {}

    def swap(table: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in table.items():
            if isinstance(value, str) and len(value) >= LONG:
                placeholder = f"{token}{len(longs)}"
                longs[placeholder] = _formatted(value)
                out[key] = placeholder
            elif isinstance(value, Mapping):
                out[key] = swap(value)
            else:
                out[key] = value
        return out

    text = tomli_w.dumps(swap(doc), multiline_strings=False)
    if not longs:
        return text.encode("utf-8")
    parts = []
    at = 0
    for placeholder, formatted in longs.items():
        quoted = f'"{placeholder}"'
        found = text.index(quoted, at)
        parts += [text[at:found].encode("utf-8"), formatted]
        at = found + len(quoted)
    parts.append(text[at:].encode("utf-8"))
    return b"".join(parts)
