"""The kept parses of instrument files: the same instrument as a fresh parse, and never in the way."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from surveys import __version__
from surveys.files.textfile import parse
from surveys.instruments.checked_cache import kept_file, recall_checked
from surveys.instruments.instrument_file import BUILTINS, builtin_bytes, problems_in
from surveys.instruments.parse_cache import cache_file, keep, recall


@pytest.mark.parametrize("ident", sorted(BUILTINS))
def test_a_kept_parse_gives_the_same_instrument_as_a_fresh_one(ident: str, tmp_path: Path) -> None:
    data = builtin_bytes(ident)
    fresh, problems = problems_in(data, ident, cache_dir=tmp_path)
    assert fresh is not None and not problems
    kept = cache_file(data, tmp_path)
    assert kept.is_file()
    assert recall(data, tmp_path) == parse(data).data  # exactly tomllib's value
    again, _ = problems_in(data, ident, cache_dir=tmp_path)
    assert again == fresh


@pytest.mark.parametrize(
    "damage",
    [b"", b"{not json", b"[1, 2]", b'{"id": "x"}', "\ufeff{".encode(), b"\xff\xfe"],
    ids=["empty", "garbage", "a list", "fails its check", "bom", "not utf-8"],
)
def test_a_damaged_kept_parse_is_read_afresh_and_mended(damage: bytes, tmp_path: Path) -> None:
    data = builtin_bytes()
    expected, _ = problems_in(data, "built-in", cache_dir=tmp_path / "clean")
    kept = cache_file(data, tmp_path)
    kept.parent.mkdir(parents=True)
    kept.write_bytes(damage)
    instrument, problems = problems_in(data, "built-in", cache_dir=tmp_path)
    assert instrument == expected and not problems
    assert recall(data, tmp_path) == parse(data).data


def test_a_cache_that_cannot_be_written_costs_nothing_but_speed(tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder would be")
    instrument, problems = problems_in(builtin_bytes(), "built-in", cache_dir=blocked)
    assert instrument is not None and not problems
    assert blocked.read_text() == "a file where the folder would be"


def test_a_bad_instrument_is_never_kept(tmp_path: Path) -> None:
    data = b'id = "x"\n'
    instrument, problems = problems_in(data, "mine.toml", cache_dir=tmp_path)
    assert instrument is None and problems
    assert not cache_file(data, tmp_path).exists()


def test_what_json_cannot_hold_exactly_is_not_kept(tmp_path: Path) -> None:
    for value in ({"when": dt.date(2027, 3, 31)}, {"x": float("inf")}, {"x": [dt.time(9, 30)]}):
        keep(b"some file", value, tmp_path)
        assert recall(b"some file", tmp_path) is None


def test_a_changed_file_is_a_new_entry(tmp_path: Path) -> None:
    assert cache_file(b'id = "a"\n', tmp_path) != cache_file(b'id = "b"\n', tmp_path)


@pytest.mark.parametrize("ident", sorted(BUILTINS))
def test_a_file_checked_before_is_neither_parsed_nor_checked_again(
    ident: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """3,300 questions: with the parse kept, the checks were still 170 ms of every first frame."""
    import surveys.files.textfile as textfile
    import surveys.instruments.instrument_check as instrument_check

    data = builtin_bytes(ident)
    fresh, _ = problems_in(data, ident, cache_dir=tmp_path)
    assert kept_file(data, tmp_path).is_file()

    def refused(*_args: object) -> None:
        raise AssertionError("parsed or checked again")

    monkeypatch.setattr(instrument_check, "check", refused)
    monkeypatch.setattr(textfile, "parse", refused)
    again, problems = problems_in(data, ident, cache_dir=tmp_path)
    assert again == fresh and not problems
    assert again is not None and fresh is not None and again.questions == fresh.questions


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("this must never run",))


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle", pickle.dumps([1, 2]), pickle.dumps({"id": "x"}), pickle.dumps(_Planted())],
    ids=["empty", "garbage", "a list", "a table", "a planted call"],
)
def test_a_kept_check_that_is_damaged_or_planted_is_refused(
    damage: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = builtin_bytes()
    expected, _ = problems_in(data, "built-in", cache_dir=tmp_path / "clean")
    kept = kept_file(data, tmp_path)
    kept.parent.mkdir(parents=True)
    kept.write_bytes(damage)
    assert recall_checked(data, tmp_path) is None
    instrument, problems = problems_in(data, "built-in", cache_dir=tmp_path)
    assert instrument == expected and not problems
    assert "must never run" not in capsys.readouterr().out
    assert recall_checked(data, tmp_path) == expected  # mended: the good value is kept again


def test_a_kept_check_is_named_for_the_file_and_this_stick(tmp_path: Path) -> None:
    assert kept_file(b'id = "a"\n', tmp_path) != kept_file(b'id = "b"\n', tmp_path)
    assert __version__ in kept_file(b'id = "a"\n', tmp_path).name
