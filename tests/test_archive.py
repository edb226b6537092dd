"""Archiving an assessment: moved into archive/ and back, bytes unchanged, never over another file."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from surveys.folders.archive import ARCHIVE, Archived, ArchiveError, archive, restore
from surveys.locks.lock import lock_path
from tests.app_support import answered, write
from tests.lock_holders import held_lock


def a_file(folder: Path, name: str = "Northfield-PCT-2026-03-31.toml") -> Path:
    return write(folder, name, answered("Northfield PCT", date(2026, 3, 31), 2))


def test_the_file_moves_into_archive_made_if_missing_and_comes_back_unchanged(tmp_path: Path) -> None:
    path = a_file(tmp_path)
    other = a_file(tmp_path, "Riverside.toml")
    body, stat = path.read_bytes(), path.stat()
    moved = archive(path)
    assert moved == Archived(path, tmp_path / ARCHIVE / path.name)
    assert not path.exists() and moved.archived.read_bytes() == body
    assert moved.archived.stat().st_mtime_ns == stat.st_mtime_ns  # sorts where it did when it comes back
    assert other.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["Riverside.toml", ARCHIVE]
    assert not lock_path(path).exists() and not lock_path(moved.archived).exists()  # no lock left behind
    assert restore(moved) == path
    assert path.read_bytes() == body and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert list((tmp_path / ARCHIVE).iterdir()) == []


def test_a_name_taken_in_the_archive_gets_a_fresh_one_and_nothing_is_overwritten(tmp_path: Path) -> None:
    (tmp_path / ARCHIVE).mkdir()
    taken = tmp_path / ARCHIVE / "Northfield-PCT-2026-03-31.toml"
    taken.write_bytes(b"last year's, archived before")
    path = a_file(tmp_path)
    body = path.read_bytes()
    moved = archive(path)
    assert moved.archived == tmp_path / ARCHIVE / "Northfield-PCT-2026-03-31-2.toml"
    assert taken.read_bytes() == b"last year's, archived before" and moved.archived.read_bytes() == body


def test_putting_back_over_a_new_file_of_the_same_name_takes_a_fresh_name(tmp_path: Path) -> None:
    path = a_file(tmp_path)
    body = path.read_bytes()
    moved = archive(path)
    path.write_bytes(b"a new assessment under the old name")
    back = restore(moved)
    assert back == tmp_path / "Northfield-PCT-2026-03-31-2.toml" and back.read_bytes() == body
    assert path.read_bytes() == b"a new assessment under the old name"


def test_a_file_open_in_another_stick_stays_where_it_is_and_so_does_its_lock(tmp_path: Path) -> None:
    path = a_file(tmp_path)
    body = path.read_bytes()
    with held_lock(path, user="kim"):
        lock_body = lock_path(path).read_bytes()
        with pytest.raises(ArchiveError, match=r"-2026-03-31\.toml is open by kim on .*stays where it is"):
            archive(path)
        assert path.read_bytes() == body and lock_path(path).read_bytes() == lock_body
        assert not (tmp_path / ARCHIVE).exists()
    # Once the other stick has let go, the file can go.
    assert archive(path).archived.read_bytes() == body


def test_a_file_that_went_or_an_archive_that_is_a_file_is_refused_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no longer there"):
        archive(tmp_path / "gone.toml")
    path = a_file(tmp_path)
    (tmp_path / ARCHIVE).write_text("not a folder")
    with pytest.raises(ArchiveError, match="cannot make the archive folder"):
        archive(path)
    assert path.exists() and not lock_path(path).exists()


def test_putting_back_what_is_no_longer_in_the_archive_says_so(tmp_path: Path) -> None:
    moved = archive(a_file(tmp_path))
    os.unlink(moved.archived)
    with pytest.raises(ArchiveError, match="no longer in archive"):
        restore(moved)
