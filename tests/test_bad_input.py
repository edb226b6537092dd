"""Broken files never produce a traceback: one line, exit 2, and the file as it was.

Hypothesis breaks real files in the ways files break: cut at any byte, a BOM,
CRLF line ends, bytes that are not UTF-8, wrong types, duplicate keys, deep
nesting, huge numbers and huge notes.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveys.files.response_file import to_toml
from surveys.instruments.instrument_file import builtin_bytes, builtin_instrument
from surveys.model.answers import choose
from surveys.model.responses import Priority, new_assessment, with_answer, with_priorities
from tests.conftest import run_stick
from tui.cli import run


def _valid_response() -> bytes:
    inst = builtin_instrument()
    a = new_assessment("Org", "Kim", "Lead", inst.id, inst.version, on=date(2026, 1, 1))
    for q in inst.questions[:6]:
        a = with_answer(a, choose(q, 1, note="said so"))
    a = with_priorities(a, (Priority(area="data", lead="Sam", function="saff", target=date(2027, 1, 1)),))
    return to_toml(a)


VALID_RESPONSE = _valid_response()
VALID_INSTRUMENT = builtin_bytes()

Mutation = Callable[[bytes], bytes]


def _mutations(valid: bytes) -> st.SearchStrategy[bytes]:
    size = len(valid)
    cut = st.integers(0, size).map(lambda n: valid[:n])
    bom = st.just(b"\xef\xbb\xbf" + valid)
    crlf = st.just(valid.replace(b"\n", b"\r\n"))
    not_utf8 = st.tuples(st.integers(0, size), st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00"])).map(
        lambda t: valid[: t[0]] + t[1] + valid[t[0] :]
    )
    swaps = [
        (b'organisation = "Org"', b"organisation = 12"),
        (b"choice = 1", b'choice = "1"'),
        (b"choice = 1", b"choice = 99999999999999999999999999999"),
        (b"choice = 1", b"choice = -3"),
        (b"instrument_version = 1", b"instrument_version = 1.5"),
        (b'instrument = "race-equality-stick"', b'instrument = "no-such-instrument"'),
        (b"date = 2026-01-01", b'date = "yesterday"'),
        (b'note = "said so"', b'note = "' + b"x" * 1_000_000 + b'"'),
        (b'note = "said so"', b"note = " + b"[" * 3000 + b"]" * 3000),
        (b'lead = "Sam"', b"lead = {a = 1}"),
        (b"target = 2027-01-01", b"target = 2027-01-01T10:00:00"),
        (b"[[priorities]]", b"[priorities]"),
        (b'organisation = "Org"', b'organisation = "Org"\norganisation = "Again"'),
    ]
    swapped = st.sampled_from(swaps).map(lambda s: valid.replace(s[0], s[1], 1))
    dup_table = st.just(valid + b"\n[answers]\n")
    junk = st.binary(max_size=64)
    return st.one_of(cut, bom, crlf, not_utf8, swapped, dup_table, junk)


def _run_in_process(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    out = io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO("")  # an interview with nothing to read: plain mode, end of input at once
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            code = run(argv)
    finally:
        sys.stdin = old_stdin
    return code, err.getvalue()


def _check(command: list[str], data: bytes, name: str) -> None:
    """Run `stick COMMAND FILE FLAGS...` on the broken bytes and hold it to the promise."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        flags = [flag.replace("{dir}", folder) for flag in command[1:]]
        code, err = _run_in_process([command[0], str(path), *flags])
        assert code in (0, 2), (code, err[-2000:])
        if code == 2:
            lines = err.strip().splitlines()
            assert lines, "exit 2 must say why"
            if command[0] != "check":  # check lists every problem, one per line
                assert len(lines) == 1, err
            assert "Traceback" not in err
        assert path.read_bytes() == data, "the user's file must be left as it was"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=_mutations(VALID_RESPONSE))
@pytest.mark.parametrize(
    "command", [["report"], ["report", "--json"], ["interview", "--plain"], ["export", "-o", "{dir}/out.xlsx"]]
)
def test_broken_response_files(command: list[str], data: bytes) -> None:
    _check(command, data, "a.toml")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=_mutations(VALID_INSTRUMENT))
def test_broken_instrument_files(data: bytes) -> None:
    _check(["check"], data, "i.toml")


@pytest.mark.parametrize(
    "command", [["report"], ["interview", "--plain"], ["check"], ["export", "-o", "{dir}/out.xlsx"]]
)
def test_the_real_command_on_a_truncated_file(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "a.toml"
    data = (VALID_INSTRUMENT if command == ["check"] else VALID_RESPONSE)[:333]
    path.write_bytes(data)
    flags = [flag.replace("{dir}", str(tmp_path)) for flag in command[1:]]
    done = run_stick([command[0], str(path), *flags], input="1\n")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.strip()
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.toml"], "nothing else is written"
