"""The quick reader gives what tomllib gives, or nothing: never a different answer."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.synth import assessment
from surveys.files.quick_toml import loads
from surveys.files.response_file import to_toml
from surveys.model.responses import Answer

NOTES = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)


def tomllib_or_none(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10_000), note=NOTES, who=NOTES)
def test_every_file_stick_writes_is_read_quickly_and_the_same(seed: int, note: str, who: str) -> None:
    a = assessment(seed)
    first = next(iter(a.answers))
    answers = {**a.answers, first: replace(a.answers[first], note=note) if note else a.answers[first]}
    a = replace(a, respondent=who or "x", answers=answers, extra={"notes_for_board": note, "count": seed})
    text = to_toml(a).decode("utf-8")
    quick = loads(text)
    if "\\u" in text:  # a control character tomli-w wrote as \uXXXX: left to tomllib
        assert quick is None or quick == tomllib.loads(text)
    else:
        assert quick is not None and quick == tomllib.loads(text)


@settings(max_examples=400, deadline=None)
@given(
    seed=st.integers(0, 500),
    at=st.integers(0, 4000),
    cut=st.integers(0, 12),
    insert=st.text(max_size=6) | st.text(alphabet="\"'\\[]=#.\n\r\t\x7f\x00 -+:0123456789abtruefalseTZ", max_size=6),
)
def test_a_changed_file_is_read_the_same_or_left_to_tomllib(seed: int, at: int, cut: int, insert: str) -> None:
    """Files edited by hand: whatever quick reads, tomllib reads the same; the rest it leaves alone."""
    text = to_toml(assessment(seed)).decode("utf-8")
    at = at % max(1, len(text))
    changed = text[:at] + insert + text[at + cut :]
    quick = loads(changed)
    if quick is not None:
        assert quick == tomllib_or_none(changed)


def test_what_quick_leaves_to_tomllib() -> None:
    for text in (
        'a = "x" # a comment\n',
        "a = 'literal'\n",
        'a = """\nlong\n"""\n',
        "a = [\n  1,\n]\n",
        'a = "\\u00e9"\n',
        "#\x7f comment\n",
        "a = 1\na = 2\n",
        "[t]\n[t]\n",
        "a = 2026-01-01T10:00:00Z\n",
        "a = 1\r\n",
        '"quoted key" = 1\n',
        "a.b = 1\n",
    ):
        assert loads(text) is None, text


def test_an_empty_plan_and_a_note_are_read_as_tomllib_reads_them() -> None:
    a = assessment(3)
    first = next(iter(a.answers))
    a = replace(a, priorities=(), plan_started=True, answers={first: Answer(question=first, note='"q" \\ \n')})
    text = to_toml(a).decode("utf-8")
    assert loads(text) == tomllib.loads(text) and "priorities = []" in text


@settings(max_examples=400, deadline=None)
@given(
    body=st.text(alphabet=st.sampled_from(["a", '"', "\\", "n", "t", "u", "\t", "\x01", "\x7f", "ü", " "]), max_size=12)
)
def test_a_string_value_written_any_way_is_read_as_tomllib_reads_it_or_left_to_it(body: str) -> None:
    text = f'note = "{body}"\n'
    quick = loads(text)
    assert quick is None or quick == tomllib_or_none(text)


def test_a_long_note_is_read_by_the_quick_reader() -> None:
    note = "Board paper, ethnicity monitoring, \\n ڈیٹا; " * 25_000
    text = f'note = "{note}"\n'
    quick = loads(text)
    assert quick is not None and quick == tomllib.loads(text)
