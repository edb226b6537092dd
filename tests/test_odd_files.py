"""Files that are not what they seem: FIFOs, folders, huge numbers, notes past every limit.

A FIFO named like an assessment blocks a plain open() for ever; a number of
4,300 digits makes tomllib and int() raise ValueError. Each must end in one
line and exit 2 within seconds, and a file stick writes must always read back.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from surveys.errors import ResponseFileError
from surveys.files.response_file import load_assessment, save_assessment
from surveys.files.textfile import MAX_BYTES, read_bytes
from surveys.folders.storage import list_assessments
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.answers import choose
from surveys.model.limits import NOTE_LIMIT, cap_note, small_number
from surveys.model.responses import new_assessment, with_answer
from tests.conftest import run_stick
from tests.interview_helpers import fresh_file

fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
BIG = "1" * 5000


def _one_line_exit_2(args: list[str], stdin: str = "") -> str:
    started = time.monotonic()
    done = run_stick(args, input=stdin, timeout=30)
    assert done.returncode == 2, (done.returncode, done.stderr[-800:])
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert time.monotonic() - started < 30
    return lines[0]


@fifo_only
@pytest.mark.parametrize(
    "command", [["report"], ["report", "--json"], ["check"], ["interview", "--plain"], ["export", "-o", "{dir}/o.xlsx"]]
)
def test_a_fifo_named_as_the_file_exits_2_at_once(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "a.toml"
    os.mkfifo(fifo)
    flags = [flag.replace("{dir}", str(tmp_path)) for flag in command[1:]]
    line = _one_line_exit_2([command[0], str(fifo), *flags])
    assert "not a regular file" in line


@fifo_only
@pytest.mark.parametrize("command", [["report"], ["interview", "--plain"], ["export", "-o", "{dir}/o.xlsx"]])
def test_a_fifo_as_the_recorded_instrument_exits_2_at_once(tmp_path: Path, command: list[str]) -> None:
    path = fresh_file(tmp_path)
    os.mkfifo(tmp_path / "inst.toml")
    text = path.read_text(encoding="utf-8").replace("[answers]", 'instrument_file = "inst.toml"\n\n[answers]')
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    flags = [flag.replace("{dir}", str(tmp_path)) for flag in command[1:]]
    _one_line_exit_2([command[0], str(path), *flags])
    assert path.read_bytes() == before


@fifo_only
def test_the_home_listing_says_why_it_skips_a_fifo(tmp_path: Path) -> None:
    good = fresh_file(tmp_path)
    os.mkfifo(tmp_path / "fifo.toml")
    listed = {item.path.name: item for item in list_assessments(tmp_path)}
    assert listed[good.name].assessment is not None
    assert "not a regular file" in listed["fifo.toml"].error


def test_a_folder_is_not_read(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="not a regular file"):
        read_bytes(tmp_path)


@pytest.mark.parametrize("command", [["report"], ["report", "--json"], ["interview", "--plain"]])
def test_an_integer_of_5000_digits_in_a_response_file_exits_2(tmp_path: Path, command: list[str]) -> None:
    path = fresh_file(tmp_path)
    text = path.read_text(encoding="utf-8").replace("instrument_version = 1", f"instrument_version = {BIG}")
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    line = _one_line_exit_2([command[0], str(path), *command[1:]])
    assert "number" in line
    assert path.read_bytes() == before


def test_an_integer_of_5000_digits_in_an_instrument_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "i.toml"
    path.write_text(f"version = {BIG}\n", encoding="utf-8")
    done = run_stick(["check", str(path)])
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "number" in done.stderr


def test_5000_digits_typed_at_a_plain_prompt_is_asked_again(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    done = run_stick(["interview", str(path), "--plain"], input=f"{BIG}\n1\n")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "There is no choice" in done.stdout
    assert load_assessment(path).answers["mat-vision"].choice == 1


def test_small_number_takes_what_a_person_types() -> None:
    assert small_number(" 12 ") == 12
    assert small_number(BIG) is None
    assert small_number("١٢") is None  # Arabic-Indic digits are not a choice number
    assert small_number("") is None


def test_a_note_is_capped_when_written_and_says_so() -> None:
    assert cap_note("short") == ("short", False)
    capped, cut = cap_note("x" * (NOTE_LIMIT + 5))
    assert cut and len(capped) == NOTE_LIMIT
    inst = builtin_instrument()
    answer = choose(inst.questions[0], 1, note="y" * (NOTE_LIMIT * 2))
    assert len(answer.note) == NOTE_LIMIT


def test_a_note_typed_too_long_at_a_plain_prompt_is_cut_and_said(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    done = run_stick(["interview", str(path), "--plain"], input="1 " + "n" * (NOTE_LIMIT + 10) + "\n")
    assert done.returncode == 0, done.stderr
    assert "only the first" in done.stdout
    assert len(load_assessment(path).answers["mat-vision"].note) == NOTE_LIMIT


def test_stick_never_writes_a_file_it_cannot_read_back(tmp_path: Path) -> None:
    inst = builtin_instrument()
    a = new_assessment("Org", "Kim", "", inst.id, inst.version, on=date(2026, 1, 1))
    path = tmp_path / "a.toml"
    save_assessment(path, a)
    before = path.read_bytes()
    # A file grown past the read limit by other means (notes set before the cap, extra keys).
    huge = replace(a, extra={"pasted": "z" * (MAX_BYTES + 10)})
    with pytest.raises(ResponseFileError, match="could not be read back"):
        save_assessment(path, huge)
    assert path.read_bytes() == before
    big_notes = a
    choices = [q for q in inst.questions if q.kind != "text"]
    for q in choices:
        big_notes = with_answer(big_notes, choose(q, 1, note="é" * (NOTE_LIMIT + 1)))
    save_assessment(path, big_notes)
    assert load_assessment(path).answers[choices[-1].id].note == "é" * NOTE_LIMIT


@fifo_only
def test_the_home_listing_does_not_wait_on_a_fifo_instrument(tmp_path: Path) -> None:
    import signal

    from tui.app.folder import summaries

    path = fresh_file(tmp_path)
    os.mkfifo(tmp_path / "inst.toml")
    text = path.read_text(encoding="utf-8").replace("[answers]", 'instrument_file = "inst.toml"\n\n[answers]')
    path.write_text(text, encoding="utf-8")

    def stuck(*_: object) -> None:
        raise AssertionError("the listing waited on the FIFO")

    old = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(10)
    try:
        rows = {row.path.name: row for row in summaries(tmp_path)}
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert rows[path.name].percent is None  # the instrument is refused: done is shown as ?
    assert "inst.toml" not in rows  # a FIFO is never read, so never listed as an assessment


def test_reading_a_small_file_does_not_take_the_whole_read_limit_first(tmp_path: Path) -> None:
    # Seen: every file read asked for MAX_BYTES at once, so each, however small, cost a 32 MB
    # allocation (33.5 MB of transient memory per file opened by an export, a quarter of the
    # cold reading time of a folder).
    import tracemalloc

    path = tmp_path / "small.toml"
    path.write_bytes(b'organisation = "Northfield PCT"\n' * 100)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        data = read_bytes(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data == path.read_bytes()
    assert peak < 1_000_000


def test_a_file_that_grew_after_its_size_was_taken_is_read_whole_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.toml"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def smaller(fd: int) -> os.stat_result:  # the size as it was a moment before the rest was written
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, *st[1:6], 100, *st[7:]))

    monkeypatch.setattr(os, "fstat", smaller)
    assert read_bytes(path) == b"x" * 5000
    path.write_bytes(b"x" * (MAX_BYTES + 5))
    with pytest.raises(OSError, match="larger than"):
        read_bytes(path)
