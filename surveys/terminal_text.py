"""Text from a file made harmless to show in a terminal.

A response file is shared: a colleague's file (or anyone's) can hold escape
sequences that set a terminal's title, clear the screen or write the clipboard
(OSC 52), and bidi overrides that make text read differently from what it is.
Every front end passes file text through `terminal_safe` before it is drawn, so
such characters show as visible escapes (`\\x1b`, `\\u202e`) and do nothing.
The stored text is never changed: this is only how it is shown.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

# Overrides, embeddings and isolates: the bidi controls that reorder the text
# after them ("Trojan Source"). The marks (U+200E, U+200F, U+061C) only attach
# to one character and appear in ordinary Urdu text, so they are left alone.
BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
# C0 controls, DEL and the C1 controls (0x9b is a one-byte CSI, 0x9d an OSC).
CONTROLS = frozenset(range(0x00, 0x20)) | frozenset(range(0x7F, 0xA0))
UNSAFE = CONTROLS | BIDI_CONTROLS


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@cache
def _table(keep: str) -> dict[int, str]:
    kept = {ord(c) for c in keep}
    return {code: _escape(code) for code in UNSAFE if code not in kept}


def terminal_safe(text: str, keep: str = "") -> str:
    """`text` with every control character and bidi override shown as a visible escape.

    `keep` names the layout characters the caller wants to act (usually "\\n"
    or "\\n\\t" for paragraphs); by default none do, so the text stays on one line.
    """
    if text.isprintable():  # every character it escapes is unprintable: most text is left as it is, at C speed
        return text
    return text.translate(_table(keep))


def first_unsafe(text: str, keep: str = "") -> str | None:
    """The first character `terminal_safe` would escape, or None."""
    found = _pattern(keep).search(text)
    return found.group(0) if found else None


def is_terminal_safe(text: str, keep: str = "") -> bool:
    return first_unsafe(text, keep) is None


@cache
def _pattern(keep: str) -> re.Pattern[str]:
    kept = {ord(c) for c in keep}
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(UNSAFE - kept)) + "]")


def shown_or_kept(typed: str, stored: str, keep: str = "") -> str:
    """What a field that was filled with `terminal_safe(stored)` means when it comes back.

    A field shows the stored text made safe; left as it was, it must save the
    stored text itself, not the escapes it was shown with.
    """
    return stored if typed == terminal_safe(stored, keep) else typed


def safe_file_name(name: str) -> str:
    """A file name for new files: no controls and no bidi controls at all."""
    return "".join(c for c in name if ord(c) not in UNSAFE)


def json_text(value: Any, **options: Any) -> str:
    """JSON whose text is the same data but holds no raw control or bidi character.

    `json.dumps` escapes C0 controls already; DEL, C1 and bidi controls are
    written as `\\uXXXX` too, which any JSON reader turns back into the same text.
    """
    return json.dumps(value, **options).translate(_JSON_ESCAPES)


_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in UNSAFE if code >= 0x20}
