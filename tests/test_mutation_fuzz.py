"""A seeded mutation run over response, instrument and lock files: the same few hundred cases every run.

Hypothesis (tests/test_bad_input.py) explores; this replays a fixed set, so a
failure names a case that fails again. Each case is a valid file with bytes
flipped, cut short, controls or escape sequences inserted, a number made huge
or a value nested deeply. Every command and loader must end in exit 0, or exit
2 with one line, no traceback, the file untouched, no raw control byte on the
terminal, and no hang. The loaders and commands run in-process; a sample goes
through real processes.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import signal
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from surveys.errors import StickError
from surveys.files.response_file import from_toml, to_toml
from surveys.instruments.instrument_file import builtin_bytes, builtin_instrument, problems_in
from surveys.locks.lock import lock_path, read_holder
from surveys.model.answers import choose
from surveys.model.responses import Priority, new_assessment, with_answer, with_priorities
from surveys.terminal_text import is_terminal_safe
from tests.conftest import run_stick
from tui.cli import run

pytestmark = pytest.mark.slow

SEED = 20261201
# Hang guard only: a case that takes this long is stuck, not slow.
STUCK_SECONDS = 20


def _valid_response() -> bytes:
    inst = builtin_instrument()
    a = new_assessment("Org", "Kim", "Lead", inst.id, inst.version, on=date(2026, 1, 1))
    for q in inst.questions[:6]:
        a = with_answer(a, choose(q, 1, note="said so"))
    return to_toml(with_priorities(a, (Priority(area="data", lead="Sam", function="saff", target=date(2027, 1, 1)),)))


def _valid_lock() -> bytes:
    body = {"user": "kim", "host": "elsewhere", "pid": 4242, "since": "2026-11-26T09:00:00+00:00", "program": "stick"}
    return json.dumps(body).encode()


INSERTS = [
    b"\x1b]0;PWNED\x07",
    b"\x1b]52;c;SGVsbG8=\x07",
    b"\x1b[2J",
    b"\xc2\x9b31m",
    b"\xe2\x80\xae",
    b"\x00",
    b"\xff\xfe",
    b"\\u001b[2J",
    b"\\u202e",
    b'"\n',
    b"\n[answers]\n",
    b"=",
]


def _mutate(valid: bytes, rng: random.Random) -> bytes:
    kind = rng.randrange(8)
    at = rng.randrange(len(valid) + 1)
    if kind == 0:  # flip bytes
        data = bytearray(valid)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return bytes(data)
    if kind == 1:  # cut short
        return valid[:at]
    if kind == 2:  # a control, an escape sequence or a TOML break inserted
        return valid[:at] + rng.choice(INSERTS) + valid[at:]
    if kind == 3:  # a huge number where a number or a string stands
        digits = b"9" * rng.choice([400, 4301, 6000])
        return valid.replace(b"= 1", b"= " + digits, 1) if rng.random() < 0.5 else valid[:at] + digits + valid[at:]
    if kind == 4:  # deep nesting
        depth = rng.choice([200, 1200, 5000])
        return valid + b"\ndeep = " + b"[" * depth + b"]" * depth + b"\n"
    if kind == 5:  # a slice dropped
        return valid[:at] + valid[at + rng.randint(1, 200) :]
    if kind == 6:  # a slice repeated (duplicate keys and tables)
        end = min(len(valid), at + rng.randint(1, 300))
        return valid[:end] + b"\n" + valid[at:end] + valid[end:]
    return bytes(rng.randrange(256) for _ in range(rng.randint(0, 64)))  # noise


def _cases(valid: bytes, count: int, salt: int) -> list[bytes]:
    rng = random.Random(SEED + salt)
    return [_mutate(valid, rng) for _ in range(count)]


RESPONSES = _cases(_valid_response(), 140, 1)
INSTRUMENTS = _cases(builtin_bytes(), 120, 2)
LOCKS = _cases(_valid_lock(), 60, 3)


@contextlib.contextmanager
def _not_stuck() -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def stuck(*_: object) -> None:
        raise AssertionError(f"stuck for {STUCK_SECONDS} s")

    old = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(STUCK_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _in_process(argv: list[str]) -> tuple[int, str, str]:
    err, out = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        with _not_stuck(), contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            code = run(argv)
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


def _holds_the_promise(code: int, out: str, err: str, one_line: bool = True) -> None:
    assert code in (0, 2), (code, err[-1500:])
    assert "Traceback" not in err
    if code == 2:
        assert err.strip(), "exit 2 must say why"
        if one_line:
            assert len(err.strip().splitlines()) == 1, err
    assert is_terminal_safe(out, keep="\n\t"), out[-500:]
    assert is_terminal_safe(err, keep="\n"), err[-500:]


def _each(cases: list[bytes], name: str, body: Callable[[Path, bytes], None]) -> None:
    for n, data in enumerate(cases):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(data)
            try:
                body(path, data)
            except AssertionError as exc:
                raise AssertionError(f"case {n} ({data[:80]!r}...): {exc}") from None
            assert path.read_bytes() == data, f"case {n}: the file was changed"


def test_the_loaders_on_every_mutation() -> None:
    for data in RESPONSES:
        with _not_stuck(), contextlib.suppress(StickError):
            from_toml(data, "a.toml")
    for data in INSTRUMENTS:
        with _not_stuck():
            instrument, problems = problems_in(data, "i.toml")
        assert (instrument is None) == bool(problems)
    for data in LOCKS:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "a.toml"
            lock_path(target).write_bytes(data)
            with _not_stuck():
                read_holder(target)


@pytest.mark.parametrize("command", [["report"], ["report", "--json"], ["interview", "--plain"]])
def test_the_commands_on_every_response_mutation(command: list[str]) -> None:
    def body(path: Path, data: bytes) -> None:
        _holds_the_promise(*_in_process([command[0], str(path), *command[1:]]))

    _each(RESPONSES, "a.toml", body)


def test_check_on_every_instrument_mutation() -> None:
    def body(path: Path, data: bytes) -> None:
        _holds_the_promise(*_in_process(["check", str(path)]), one_line=False)

    _each(INSTRUMENTS, "i.toml", body)


def test_an_interview_beside_every_lock_mutation() -> None:
    valid = _valid_response()

    def body(lock: Path, data: bytes) -> None:
        path = lock.with_name("a.toml")
        path.write_bytes(valid)
        _holds_the_promise(*_in_process(["interview", str(path), "--plain"]))
        assert path.read_bytes() == valid

    for n, data in enumerate(LOCKS):
        with tempfile.TemporaryDirectory() as folder:
            lock = lock_path(Path(folder) / "a.toml")
            lock.write_bytes(data)
            try:
                body(lock, data)
            except AssertionError as exc:
                raise AssertionError(f"lock case {n} ({data[:80]!r}): {exc}") from None


@pytest.mark.parametrize("every", [10])
def test_a_sample_through_real_processes(tmp_path: Path, every: int) -> None:
    sample = RESPONSES[::every]
    for n, data in enumerate(sample):
        path = tmp_path / f"s{n}.toml"
        path.write_bytes(data)
        for args in (["report", str(path)], ["interview", str(path), "--plain"]):
            done = run_stick(args, input="", timeout=STUCK_SECONDS * 3)
            _holds_the_promise(done.returncode, done.stdout, done.stderr)
        assert path.read_bytes() == data


def test_the_cases_are_the_same_every_run() -> None:
    assert _cases(b"abc = 1\n", 5, 9) == _cases(b"abc = 1\n", 5, 9)
    assert socket.gethostname()  # the lock cases name another host, never this one
