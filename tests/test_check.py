"""`stick check`: valid files pass, every kind of broken file is named with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveys.instruments.instrument_file import BUILTIN_NAME, builtin_instrument, problems_in
from tests.conftest import ROOT, run_stick
from tests.example import example_text

BUILTIN = ROOT / "surveys" / "instruments" / BUILTIN_NAME


def _problems(text: str) -> list[str]:
    instrument, problems = problems_in(text.encode("utf-8"), "f.toml")
    assert instrument is None, "expected the file to be rejected"
    return problems


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = text.splitlines()
    hits = [n for n, line in enumerate(lines, start=1) if needle in line]
    return hits[occurrence - 1]


def test_builtin_instrument_passes_and_holds_the_whole_framework() -> None:
    done = run_stick(["check", str(BUILTIN)])
    assert done.returncode == 0, done.stderr
    assert "ok" in done.stdout
    i = builtin_instrument()
    assert [len(d.profiles) for d in i.dimensions] == [3, 3, 3]
    assert {d.label for d in i.dimensions} == {"Organisational maturity", "Structural chaos", "External challenge"}
    assert [s.transition for s in i.steps] == ["content", "process", "practice", ""]
    assert [a.share for a in i.adopters] == [2.5, 13.5, 34, 34, 16]
    assert len(i.functions) == 8 and len(i.principles) == 5 and len(i.levels) == 3
    assert {"leadership", "values", "specialist", "support", "integration"} <= {a.id for a in i.areas}
    assert 25 <= len(i.questions) <= 40
    kinds = {q.kind for q in i.questions}
    assert kinds == {"profile", "ladder", "choice", "text"}
    named = {q.function for q in i.questions if q.function}
    assert named == {f.id for f in i.functions}, "every business function is measured somewhere"
    assert "flattened" in i.reading_note
    assert {"Limited priorities", "Clear commitments", "Lead responsibilities"} <= set(i.commission)


def test_builtin_options_fit_an_80_column_terminal() -> None:
    for q in builtin_instrument().questions:
        assert len(q.text) <= 90, q.id
        for option in q.options:
            assert len(option.label) <= 76, (q.id, option.label)


def test_documented_example_passes(tmp_path: Path) -> None:
    path = tmp_path / "example.toml"
    path.write_text(example_text(), encoding="utf-8")
    done = run_stick(["check", str(path)])
    assert done.returncode == 0, done.stderr
    assert "4 questions" in done.stdout


def test_every_problem_is_reported_with_its_line() -> None:
    text = example_text()
    broken = (
        text.replace('profile = "astute"', 'profile = "astoot"')
        .replace("share = 50", "share = 40", 1)
        .replace('id = "lead"', 'id = "vision"')
        .replace("step = 4", "step = 3")
        .replace('intro = "Two quick questions."', 'intro = "Two quick questions."\nlabel = 3')
    )
    problems = _problems(broken)
    assert len(problems) == 5, problems
    expect = {
        "astoot": _line_of(broken, 'profile = "astoot"'),
        "sum to 100, not 90": _line_of(broken, "[[adopters]]"),
        "duplicate question id 'vision'": _line_of(broken, 'id = "vision"', 2),
        "repeats step 3": _line_of(broken, "step = 3", 2),
        "unknown key 'label'": _line_of(broken, "label = 3"),
    }
    for fragment, line in expect.items():
        hits = [p for p in problems if fragment in p]
        assert hits, (fragment, problems)
        assert hits[0].startswith(f"f.toml:{line}: "), (hits[0], line)
    first = _line_of(broken, 'id = "vision"')
    assert f"(first at line {first})" in next(p for p in problems if "duplicate" in p)


def test_ladder_needs_exactly_four_options() -> None:
    text = example_text()
    start = text.index('label = "It is part of how they lead."')
    block_start = text.rindex("[[sections.questions.options]]", 0, start)
    broken = text[:block_start] + text[start + len('label = "It is part of how they lead."\nstep = 4\n') :]
    problems = _problems(broken)
    assert any("exactly 4 options" in p and "'lead'" in p for p in problems), problems


def test_wrong_types_and_missing_keys() -> None:
    broken = example_text().replace("version = 1", 'version = "one"').replace('kind = "text"', "kind = 7")
    problems = _problems(broken)
    assert any(p.startswith("f.toml:2: 'version' must be a whole number") for p in problems), problems
    assert any("'kind' must be a string" in p for p in problems), problems


def test_empty_section_and_unknown_area() -> None:
    text = example_text() + '\n[[sections]]\nid = "empty"\ntitle = "Nothing here"\n'
    text = text.replace('area = "leadership"\nfunction', 'area = "leaders"\nfunction')
    problems = _problems(text)
    assert any("section 'empty' is empty" in p for p in problems), problems
    assert any("area 'leaders', which does not exist" in p for p in problems), problems


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "is missing 'id'"),
        (b"\xff\xfe\x00i\x00d", "not UTF-8"),
        (b'id = "x"\nid = "y"\n', "TOML syntax error"),
        (b"[a]\nx = 1\n[a]\n", "f.toml:3: TOML syntax error"),
        (b'id = "x"\ntitle = "unterminated\n', "f.toml:2: TOML syntax error"),
        (b"version = 99999999999999999999999\n", "f.toml:1: 'version' must be a whole number"),
        (b"a = " + b"[" * 5000 + b"]" * 5000, "nested too deeply"),
    ],
)
def test_broken_files_give_located_messages(data: bytes, fragment: str) -> None:
    instrument, problems = problems_in(data, "f.toml")
    assert instrument is None
    assert any(fragment in p for p in problems), problems


def test_a_byte_order_mark_is_tolerated() -> None:
    instrument, problems = problems_in(b"\xef\xbb\xbf" + example_text().encode("utf-8"), "f.toml")
    assert instrument is not None, problems


def test_check_command_exit_codes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(example_text().encode("utf-8")[:700])
    before = bad.read_bytes()
    done = run_stick(["check", str(bad)])
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0].startswith(f"{bad}:")
    assert bad.read_bytes() == before
    missing = run_stick(["check", str(tmp_path / "nope.toml")])
    assert missing.returncode == 2 and "cannot read" in missing.stderr


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=len(example_text().encode("utf-8"))), junk=st.binary(max_size=8))
def test_truncated_or_corrupted_files_never_raise(cut: int, junk: bytes) -> None:
    data = example_text().encode("utf-8")[:cut] + junk
    instrument, problems = problems_in(data, "f.toml")
    assert (instrument is None) == bool(problems)
    for p in problems:
        assert p.startswith("f.toml") and "\n" not in p


@settings(max_examples=150, deadline=None)
@given(
    data=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "id",
                        "version",
                        "title",
                        "sections",
                        "questions",
                        "options",
                        "kind",
                        "steps",
                        "areas",
                        "share",
                        "adopters",
                        "dimensions",
                        "profiles",
                        "levels",
                        "functions",
                        "label",
                        "step",
                        "profile",
                    ]
                ),
                inner,
                max_size=4,
            )
        ),
        max_leaves=20,
    )
)
def test_any_shape_of_data_is_checked_without_raising(data: object) -> None:
    from surveys.instruments.instrument_check import check

    if isinstance(data, dict):
        instrument, problems = check(data)
        assert instrument is None and problems
