"""The kept parses of instrument files: the same instrument as a fresh parse, and never in the way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from surveys.instrument_file import BUILTINS, builtin_bytes, problems_in
from surveys.parse_cache import cache_file, keep, recall
from surveys.textfile import parse


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
