"""The folder index: only what changed is read again, and a bad cache is never trusted."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from surveys.files.response_file import load_assessment
from surveys.folders.earlier_search import earlier_assessments
from surveys.folders.folder_index import FolderIndex
from surveys.model.responses import Assessment
from tests.app_support import STAMP, answered, demo_folder, write

AN_HOUR_AGO_NS = int((STAMP.timestamp() - 3600) * 1e9)


class CountingReader:
    def __init__(self) -> None:
        self.read: list[str] = []

    def __call__(self, path: Path) -> Assessment:
        self.read.append(path.name)
        return load_assessment(path)


def index(folder: Path, cache: Path, reader: CountingReader, clock_ns: int = 0) -> FolderIndex:
    # The scan's clock well after every file's time, so no file counts as changed a moment ago.
    return FolderIndex(folder, cache_dir=cache, reader=reader, clock=lambda: clock_ns or int(4e18))


def names(folder_index: FolderIndex) -> list[str]:
    return [s.name for s in folder_index.summaries()]


def test_an_unchanged_file_is_not_read_again_and_a_changed_one_is(tmp_path: Path) -> None:
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    demo_folder(folder)
    first = CountingReader()
    listed = names(index(folder, cache, first))
    assert sorted(first.read) == sorted(listed) and len(listed) == 3

    again = CountingReader()
    assert names(index(folder, cache, again)) == listed
    assert again.read == []

    changed = folder / "Riverside-PCT-2026-02-01.toml"
    write(folder, changed.name, answered("Riverside PCT", date(2026, 2, 1), 3, upto=4))
    third = CountingReader()
    summaries = index(folder, cache, third).summaries()
    assert third.read == [changed.name]
    riverside = next(s for s in summaries if s.name == changed.name)
    assert riverside.percent is not None and riverside.percent < 20


def test_a_removed_file_is_dropped_and_a_new_one_read(tmp_path: Path) -> None:
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    demo_folder(folder)
    names(index(folder, cache, CountingReader()))
    (folder / "Riverside-PCT-2026-02-01.toml").unlink()
    write(folder, "Eastgate.toml", answered("Eastgate Health", date(2026, 1, 5), 2))
    reader = CountingReader()
    listed = names(index(folder, cache, reader))
    assert "Riverside-PCT-2026-02-01.toml" not in listed
    assert reader.read == ["Eastgate.toml"] and "Eastgate.toml" in listed


def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    demo_folder(folder)
    built = index(folder, cache, CountingReader())
    expected = built.summaries()
    for damage in (b"{not json", b'{"format": "stick folder index", "version": 999}', b"[1, 2]", b"\xff\xfe"):
        built.cache_file.write_bytes(damage)
        reader = CountingReader()
        assert index(folder, cache, reader).summaries() == expected
        assert len(reader.read) == 3  # nothing trusted from it
    good = built.cache_file.read_bytes()
    built.cache_file.write_bytes(good.replace(b'"files": {', b'"files": {"x.toml": [1, "two"],'))
    reader = CountingReader()
    assert index(folder, cache, reader).summaries() == expected and len(reader.read) == 3
    # And rebuilt: the next look reads nothing.
    reader = CountingReader()
    index(folder, cache, reader).summaries()
    assert reader.read == []


def test_a_file_changed_just_before_a_scan_is_read_again(tmp_path: Path) -> None:
    """A coarse clock (a network share's) can give two saves of one size the same time: such a file is re-read."""
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    path = write(folder, "a.toml", answered("Northfield PCT", date(2026, 1, 1), 1))
    mtime = os.stat(path).st_mtime_ns
    names(index(folder, cache, CountingReader(), clock_ns=mtime + 500_000_000))
    reader = CountingReader()
    names(index(folder, cache, reader))
    assert reader.read == ["a.toml"]


def test_an_unreadable_file_is_listed_with_its_reason_and_kept_until_it_changes(tmp_path: Path) -> None:
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    demo_folder(folder)
    (folder / "broken.toml").write_text("organisation = [", encoding="utf-8")
    os.utime(folder / "broken.toml", ns=(AN_HOUR_AGO_NS, AN_HOUR_AGO_NS))
    broken = next(s for s in index(folder, cache, CountingReader()).summaries() if s.name == "broken.toml")
    assert "broken.toml" in broken.error
    reader = CountingReader()
    again = next(s for s in index(folder, cache, reader).summaries() if s.name == "broken.toml")
    assert again == broken and reader.read == []


def test_a_cancelled_scan_stops_between_files(tmp_path: Path) -> None:
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    for n in range(30):
        write(folder, f"a{n:02d}.toml", answered(f"Org {n}", date(2026, 1, 1), 1, upto=3))
    reader = CountingReader()
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 5

    rows = [s for batch in index(folder, cache, reader).scan(cancelled) for s in batch]
    assert len(reader.read) <= 5 and len(rows) <= 5


def test_the_search_reads_in_full_only_the_candidates(tmp_path: Path) -> None:
    folder, cache = tmp_path / "answers", tmp_path / "cache"
    later = demo_folder(folder)
    names(index(folder, cache, CountingReader()))
    reader = CountingReader()
    found = earlier_assessments(index(folder, cache, reader), later, load_assessment(later), reader=reader)
    assert found is not None and [p.name for p, _ in found] == ["Northfield-PCT-2025-03-31.toml"]
    assert reader.read == ["Northfield-PCT-2025-03-31.toml"]  # from the index, then that one in full
