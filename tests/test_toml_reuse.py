"""A file with a long note is written exactly as tomli-w writes it, however the long text is reused."""

from __future__ import annotations

from typing import Any

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from surveys.files.toml_reuse import LONG, dumps_utf8

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
LONG_TEXT = st.builds(lambda a, b: (a * (LONG // max(1, len(a)) + 1))[: LONG + 7] + b, TEXT.filter(bool), TEXT)
VALUE = st.one_of(TEXT, LONG_TEXT, st.integers(), st.booleans())
TABLE = st.dictionaries(st.text(min_size=1, max_size=8), VALUE, max_size=5)


def expected(doc: dict[str, Any]) -> bytes:
    return tomli_w.dumps(doc, multiline_strings=False).encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(
    top=TABLE,
    answers=st.dictionaries(st.text(min_size=1, max_size=6), TABLE, max_size=4),
    plan=st.lists(TABLE, max_size=3),
)
def test_the_bytes_are_tomli_ws_own(top: dict[str, Any], answers: dict[str, Any], plan: list[dict[str, Any]]) -> None:
    doc: dict[str, Any] = {**top, "answers": answers}
    if plan:
        doc["priorities"] = plan  # long strings in an array of tables: tomli-w lays those out by length
    assert dumps_utf8(doc) == expected(doc)
    assert dumps_utf8(doc) == expected(doc)  # and again, from what was kept


def test_a_long_note_with_quotes_escapes_and_urdu_is_written_as_tomli_w_writes_it() -> None:
    note = ('She said "no"\\ then\ttabbed\n' + "ڈیٹا اور نگرانی " + "\x07\x7f") * 400
    doc = {"answers": {"q1": {"choice": 1, "note": note}}, "priorities": [{"title": note[:50]}, {"title": note}]}
    assert len(note) > LONG
    assert dumps_utf8(doc) == expected(doc)


def test_every_character_is_escaped_as_tomli_w_escapes_it() -> None:
    """The quick escaping of long strings against tomli-w's own, over every character there is."""
    import tomli_w

    from surveys.files.toml_reuse import basic_string

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert basic_string(every) == tomli_w.dumps({"v": every}, multiline_strings=False)[len("v = ") : -1]
