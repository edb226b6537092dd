"""Response files: lossless round trips, strict loading, atomic saves."""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from surveys.errors import ResponseFileError
from surveys.files.response_file import from_toml, load_assessment, save_assessment, to_toml
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.answers import choose, dont_know, written
from surveys.model.responses import (
    Assessment,
    Priority,
    new_assessment,
    with_answer,
    with_note,
    with_priorities,
    without_answer,
)

TRICKY = [
    "سید احمد علی",  # Urdu
    "Zażółć gęślą jaźń",  # Polish
    "She said \"no\" and 'yes'",
    "line one\nline two\r\nline three",
    "ends with '''",
    'three """ quotes',
    '=HYPERLINK("http://x")',
    "+44 20 7946 0000",
    "-1",
    "@risk",
    "\ttab first",
    "emoji 🧵 and nul-free",
]


def _full(note: str = "a note") -> Assessment:
    inst = builtin_instrument()
    a = new_assessment("Łódź & Co", "Zoë سید", "Board member", inst.id, inst.version, on=date(2026, 3, 4))
    qs = inst.questions
    a = with_answer(a, choose(qs[0], 2, note=note))
    a = with_answer(a, dont_know(qs[1]))
    text_q = next(q for q in qs if q.kind == "text")
    a = with_answer(a, written(text_q, "We built on the 2019 audit."))
    a = with_note(a, qs[5].id, "ask the director")
    p = Priority(
        area="data",
        title="Ethnicity data",
        lead="Dr Ngozi Okafor",
        function="saff",
        target=date(2027, 3, 31),
        review=date(2027, 6, 30),
        measure="90% recorded",
        status="in progress",
    )
    return with_priorities(a, (p, Priority(area="leadership")))


@pytest.mark.parametrize("text", TRICKY)
def test_round_trip_is_lossless(tmp_path: Path, text: str) -> None:
    a = _full(note=text)
    a = replace(a, organisation=text, respondent=text)
    path = tmp_path / "a.toml"
    save_assessment(path, a)
    back = load_assessment(path)
    assert back == a
    assert back.answers[builtin_instrument().questions[0].id].note == text
    assert back.organisation == text


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200))
def test_any_text_round_trips(text: str) -> None:
    a = replace(_full(note=text), organisation=text, role=text)
    back = from_toml(to_toml(a), "x")
    assert back == a


def test_file_is_readable_toml_for_a_person(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    save_assessment(path, _full())
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# A stick assessment.")
    assert 'organisation = "Łódź & Co"' in text
    assert "dont_know = true" in text
    data = tomllib.loads(text)
    first = builtin_instrument().questions[0]
    assert data["answers"][first.id]["choice"] == 2
    assert data["answers"][first.id]["label"] == first.options[1].label
    assert data["priorities"][0]["target"] == date(2027, 3, 31)
    assert "review" not in data["priorities"][1], "empty fields are left out, not written as empty"


def test_unknown_keys_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    save_assessment(path, _full())
    text = path.read_text(encoding="utf-8")
    qid = builtin_instrument().questions[0].id
    text = text.replace(f"[answers.{qid}]\n", f"[answers.{qid}]\nconfidence = 3\n")
    text = "site = 'North'\n" + text
    path.write_text(text, encoding="utf-8")
    a = load_assessment(path)
    assert a.extra["site"] == "North"
    assert a.answers[qid].extra == {"confidence": 3}
    save_assessment(path, with_answer(a, choose(builtin_instrument().questions[0], 1)))
    again = tomllib.loads(path.read_text(encoding="utf-8"))
    assert again["site"] == "North" and again["answers"][qid]["confidence"] == 3


def test_note_survives_a_new_answer_and_a_cleared_answer() -> None:
    q = builtin_instrument().questions[0]
    a = with_answer(_full(note="keep me"), choose(q, 3))
    assert a.answers[q.id].note == "keep me" and a.answers[q.id].choice == 3
    a = without_answer(a, q.id)
    assert a.answers[q.id].note == "keep me" and not a.answers[q.id].given


@pytest.mark.parametrize(
    ("mangle", "fragment"),
    [
        (lambda t: t[: len(t) // 2] + "\n[answers.x\n", "line"),
        (lambda t: t.replace('organisation = "Łódź & Co"', "organisation = 3"), "'organisation' has the wrong type"),
        (lambda t: t.replace("choice = 2", 'choice = "two"'), "'choice' has the wrong type"),
        (lambda t: t.replace('status = "in progress"', "status = 1"), "priority 1: 'status'"),
        (lambda t: t.replace("instrument_version = ", "instrument_versionX = "), "'instrument_version' is missing"),
        (lambda t: t.replace("date = 2026-03-04", "date = 2026-03-04T10:00:00"), "'date' must be a date"),
    ],
)
def test_broken_files_fail_with_one_line_and_stay_untouched(tmp_path: Path, mangle, fragment: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.toml"
    save_assessment(path, _full())
    broken = mangle(path.read_text(encoding="utf-8")).encode("utf-8")
    path.write_bytes(broken)
    with pytest.raises(ResponseFileError) as caught:
        load_assessment(path)
    message = str(caught.value)
    assert fragment in message and "\n" not in message and message.startswith(str(path))
    assert path.read_bytes() == broken


def test_saved_file_has_an_ordinary_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    save_assessment(path, _full())
    mode = stat.S_IMODE(path.stat().st_mode)
    assert mode & 0o044, f"mode {oct(mode)}: others should be able to read it like any document"
    os.chmod(path, 0o640)
    save_assessment(path, _full())
    assert stat.S_IMODE(path.stat().st_mode) == 0o640, "a chosen mode is kept"


def test_a_save_interrupted_part_way_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.toml"
    old = _full()
    save_assessment(path, old)
    before = path.read_bytes()

    def dies(src: str, dst: object) -> None:
        raise OSError(5, "disk vanished")

    monkeypatch.setattr(os, "replace", dies)
    with pytest.raises(ResponseFileError, match="disk vanished"):
        save_assessment(path, with_answer(old, choose(builtin_instrument().questions[2], 1)))
    assert path.read_bytes() == before
    assert load_assessment(path) == old
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"], "no temp file is left behind"


def test_write_is_interrupted_mid_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.toml"
    save_assessment(path, _full())
    before = path.read_bytes()
    real_fsync = os.fsync

    def crash(fd: int) -> None:
        raise KeyboardInterrupt  # as if the user pressed ctrl+c between write and rename

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        save_assessment(path, replace(_full(), organisation="New"))
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert path.read_bytes() == before


def test_permission_error_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.toml"
    calls = []
    real = os.replace

    def busy_then_free(src: str, dst: object) -> None:
        calls.append(src)
        if len(calls) < 3:
            raise PermissionError(13, "held by another program")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", busy_then_free)
    save_assessment(path, _full())
    assert len(calls) == 3
    assert load_assessment(path).organisation == "Łódź & Co"
