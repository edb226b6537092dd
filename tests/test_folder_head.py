"""The newest rows kept apart for Home's first frame: only rows still as they are on disk, never a stale one."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from surveys.folders.folder_index import HEAD_ROWS, FolderIndex
from tests.app_support import answered, demo_folder, write
from tui.app.factory import make_app
from tui.app.home import HomeScreen


def _index(folder: Path, cache: Path, leave_out: Path | None = None) -> list[str]:
    # The scan's clock far after every file's time, so none counts as changed a moment ago.
    found = FolderIndex(folder, cache_dir=cache, clock=lambda: int(4e18)).summaries(leave_out)
    return [s.name for s in found]


def _head(folder: Path, cache: Path) -> list[str]:
    return [s.name for s in FolderIndex(folder, cache_dir=cache).head()]


def test_the_head_is_the_newest_rows_of_the_last_scan(tmp_path: Path) -> None:
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    demo_folder(folder)
    assert _head(folder, cache) == []  # never scanned: nothing to show early
    listed = _index(folder, cache)
    assert _head(folder, cache) == listed[:HEAD_ROWS]
    whole = {s.name: s for s in FolderIndex(folder, cache_dir=cache).head()}
    again = {s.name: s for s in FolderIndex(folder, cache_dir=cache, clock=lambda: int(4e18)).summaries()}
    assert all(whole[name] == again[name] for name in whole)  # the same facts as the full index


def test_a_file_changed_or_gone_since_is_left_out(tmp_path: Path) -> None:
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    demo_folder(folder)
    listed = _index(folder, cache)
    changed, gone = folder / listed[0], folder / listed[1]
    write(folder, changed.name, answered("Somewhere Else PCT", date(2026, 2, 1), 3, upto=4))
    gone.unlink()
    assert _head(folder, cache) == listed[2:]


def test_a_folder_that_did_not_change_leaves_its_head_unwritten(tmp_path: Path) -> None:
    # Each warm start wrote the head again (with its scan's new time), two fsyncs before Home's list was done.
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    demo_folder(folder)
    listed = _index(folder, cache)
    head = FolderIndex(folder, cache_dir=cache).head_file
    before = head.stat()
    later = FolderIndex(folder, cache_dir=cache, clock=lambda: int(4e18) + 10**12)  # a later start of the app
    os.utime(head, ns=(before.st_atime_ns, before.st_mtime_ns - 10**9))
    written = head.stat().st_mtime_ns
    assert [s.name for s in later.summaries()] == listed
    assert head.stat().st_mtime_ns == written and head.stat().st_ino == before.st_ino
    assert _head(folder, cache) == listed[:HEAD_ROWS]
    write(folder, "newest.toml", answered("Newest PCT", date(2026, 5, 1), 2), mtime=datetime(2026, 5, 1, tzinfo=UTC))
    assert _index(folder, cache)[0] == "newest.toml"
    assert _head(folder, cache)[0] == "newest.toml"  # a change is written at once


def test_a_head_row_changed_just_before_its_scan_is_kept_out_until_a_later_scan(tmp_path: Path) -> None:
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    demo_folder(folder)
    oldest = min(os.stat(p).st_mtime_ns for p in folder.glob("*.toml"))
    FolderIndex(folder, cache_dir=cache, clock=lambda: oldest + 10**8).summaries()
    assert _head(folder, cache) == []  # every row changed a moment before the scan: not trusted early
    listed = _index(folder, cache)  # a scan long after: the same rows, now trusted
    assert _head(folder, cache) == listed[:HEAD_ROWS]


def test_a_damaged_head_shows_nothing_early(tmp_path: Path) -> None:
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    demo_folder(folder)
    _index(folder, cache)
    head = FolderIndex(folder, cache_dir=cache).head_file
    for damage in (b"", b"{", b'{"format": "x"}', b"[]", head.read_bytes().replace(b'"rows"', b'"rowz"')):
        head.write_bytes(damage)
        assert _head(folder, cache) == []


def test_a_scan_that_left_a_file_out_writes_no_head(tmp_path: Path) -> None:
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    demo_folder(folder)
    first = sorted(folder.glob("*.toml"))[0]
    _index(folder, cache, leave_out=first)
    assert not FolderIndex(folder, cache_dir=cache).head_file.exists()


async def test_home_shows_the_newest_rows_before_the_folder_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "answers"
    demo_folder(folder)
    listed = _index(folder, Path(os.environ["STICK_CACHE_DIR"]))
    import tui.app.folder as folder_module

    release = threading.Event()
    real = folder_module.summary_batches

    def held(*args: object, **kwargs: object) -> Iterator[list[folder_module.Summary]]:
        release.wait(10)  # the reading of the folder has not got anywhere yet
        yield from real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(folder_module, "summary_batches", held)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen) and not home.listed
        assert [item.path.name for item in home.items] == listed[:HEAD_ROWS]
        release.set()
        for _ in range(100):
            if home.listed:
                break
            await asyncio.sleep(0.02)
        assert home.listed and [item.path.name for item in home.items] == listed
