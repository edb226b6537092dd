"""A trust's shared folder: Home's rows stream in, and quitting never waits for a folder reading."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from surveys.files.response_file import to_toml
from surveys.model.responses import Assessment
from tests.app_pty import AppInPty
from tests.app_support import answered
from tui.app.factory import make_app
from tui.app.home import HomeScreen
from tui.app.home_reading import ReadingHome


def many(folder: Path, count: int, template: Assessment) -> list[Path]:
    """`count` files of one shape with different organisations: written fast, read as slowly as real ones."""
    folder.mkdir(parents=True, exist_ok=True)
    data = to_toml(template)
    marker = template.organisation.encode()
    paths = []
    for n in range(count):
        path = folder / f"assessment-{n:05d}.toml"
        path.write_bytes(data.replace(marker, f"Trust {n:05d}".encode(), 1))
        paths.append(path)
    return paths


async def test_home_rows_arrive_in_batches_and_listed_means_all_are_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "answers"
    many(folder, 120, answered("Template", date(2026, 1, 1), 2, upto=6))
    seen: list[tuple[int, bool, int]] = []
    # Patched where it is defined: Textual calls a handler of each class in the screen's MRO.
    original = ReadingHome.on_reading_home_rows

    def record(self: ReadingHome, message: ReadingHome.Rows) -> None:
        original(self, message)
        seen.append((len(message.rows), self.listed, len(self.items)))

    monkeypatch.setattr(ReadingHome, "on_reading_home_rows", record)
    monkeypatch.setattr("surveys.folders.folder_index.FIRST_BATCH", 10)
    monkeypatch.setattr("surveys.folders.folder_index.BATCH_LIMIT", 25)
    # Batches cut by count alone: on a busy machine a quarter second can pass within the first ten files.
    monkeypatch.setattr("surveys.folders.folder_index.BATCH_SECONDS", 3600.0)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(500):
            home = app.screen
            if isinstance(home, HomeScreen) and home.listed:
                break
            await pilot.pause(0.01)
        assert isinstance(home, HomeScreen) and home.listed
        assert len(home.items) == 120
    batches = [rows for rows, _, _ in seen if rows]
    assert len(batches) >= 4 and batches[0] == 10 and sum(batches) == 120
    assert all(not listed for _, listed, _ in seen[:-1])  # listed only once every row is there
    assert seen[-1][1:] == (True, 120)


@pytest.mark.alone  # a bound in seconds: a test beside it would take the time it measures
def test_ctrl_q_leaves_at_once_while_the_earlier_assessment_search_reads_thousands_of_files(tmp_path: Path) -> None:
    """Seen: with 10,000 files in the folder, ctrl+q could not quit for ~14 s while the search read them.

    The files carry long notes, so reading them all would take far longer than the bound here.
    """
    folder = tmp_path / "answers"
    template = answered("Template", date(2026, 1, 1), 2)
    note = "A long note, from the board's meeting. " * 10  # about 6 ms a file to read: 30 s for them all
    notes = {qid: replace(a, note=note) for qid, a in template.answers.items()}
    paths = many(folder, 5000, replace(template, answers=notes))
    term = AppInPty([str(paths[0])], size=(80, 24))
    try:
        term.wait_for("Result", timeout=60)  # every question answered: it opens at its result
        time.sleep(1.0)  # the search is under way by now
        pressed = time.monotonic()
        term.type("\x11")  # ctrl+q
        code = term.process.wait(timeout=30)
        took = time.monotonic() - pressed
    finally:
        if term.process.poll() is None:
            term.kill()
        else:
            term.close()
    assert code == 0
    assert took < 5, f"ctrl+q took {took:.1f} s to leave"
