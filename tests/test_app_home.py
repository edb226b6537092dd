"""Home: finished as a state, a filter typed with `/`, sorts, archive with undo, reviews due, 80 columns."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from surveys.folders.archive import ARCHIVE
from tests.app_support import STAMP, TODAY, answered, demo_folder, write
from tests.lock_holders import held_lock
from tui.app.app import StickApp
from tui.app.chrome import KeyBar
from tui.app.factory import make_app
from tui.app.home import HomeScreen
from tui.app.row_table import RowTable

LATER = "Northfield-PCT-2026-03-31.toml"
EARLIER = "Northfield-PCT-2025-03-31.toml"  # finished, one don't know, a review on 2026-06-30 in progress
RIVERSIDE = "Riverside-PCT-2026-02-01.toml"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STICK_CACHE_DIR", str(tmp_path / "cache"))


@asynccontextmanager
async def home(
    folder: Path, size: tuple[int, int] = (120, 40), today: date = TODAY
) -> AsyncIterator[tuple[StickApp, Pilot[None], HomeScreen]]:
    app = make_app(folder, today=lambda: today)
    async with app.run_test(size=size) as pilot:
        for _ in range(500):
            screen = app.screen
            if isinstance(screen, HomeScreen) and screen.listed:
                break
            await pilot.pause(0.01)
        assert isinstance(screen, HomeScreen) and screen.listed
        await pilot.pause()
        yield app, pilot, screen


def shown(screen: HomeScreen) -> list[tuple[str, ...]]:
    table = screen.query_one(RowTable)
    return [table.rows[table.index_at(row)] for row in range(table.row_count)]


def row_of(screen: HomeScreen, name: str) -> tuple[str, ...]:
    table = screen.query_one(RowTable)
    index = next(i for i, item in enumerate(screen.items) if item.path.name == name)
    return table.rows[index]


def text(screen: HomeScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def key_line(screen: HomeScreen) -> str:
    return " ".join(f"{shown} {words}" for _, shown, words, _ in screen.query_one(KeyBar).pairs())


async def test_a_finished_assessment_says_complete_with_its_dont_knows_not_a_percentage(tmp_path: Path) -> None:
    """Seen: a finished assessment read "96%" (its don't know counted as not done)."""
    folder = tmp_path / "answers"
    demo_folder(folder)
    async with home(folder) as (_, _, screen):
        assert row_of(screen, EARLIER)[3] == "complete, 1 don't know"
        assert row_of(screen, LATER)[3] == "57%"
    async with home(folder, size=(80, 24)) as (_, pilot, screen):
        assert row_of(screen, EARLIER)[3] == "complete"  # the names keep their room at 80 columns
        assert len(row_of(screen, EARLIER)[5]) == len("2025-03-31")  # the day of the last change
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert row_of(screen, EARLIER)[3] == "complete, 1 don't know"
        assert len(row_of(screen, EARLIER)[5]) == len("2025-03-31 10:00")  # and its time


async def test_a_review_date_passed_on_work_under_way_is_marked_in_words(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    demo_folder(folder)
    async with home(folder, today=date(2026, 6, 30)) as (_, _, screen):
        assert row_of(screen, EARLIER)[4] == ""  # due today is not yet late
    async with home(folder, today=date(2026, 7, 1)) as (_, _, screen):
        assert row_of(screen, EARLIER)[4] == "1 due"
        assert [row[4] for row in shown(screen)].count("1 due") == 1


async def test_slash_filters_as_you_type_and_esc_clears_and_closes_it(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    demo_folder(folder)
    async with home(folder) as (app, pilot, screen):
        await pilot.press("slash", "N", "o", "R")
        field = screen.query_one("#filter")
        assert field.display and app.focused is field
        assert [row[0] for row in shown(screen)] == ["Northfield PCT", "Northfield PCT"]
        assert "2 of 3 assessments match “NoR”" in text(screen, "#where")
        words = key_line(screen)
        assert "⏎ First match" in words and "esc Clear filter" in words
        await pilot.press("escape")
        assert not field.display and app.focused is screen.query_one(RowTable)
        assert len(shown(screen)) == 3 and "match" not in text(screen, "#where")
        # The respondent and the file name are looked in too.
        await pilot.press("slash", *"riverside-pct-2026")
        assert [row[0] for row in shown(screen)] == ["Riverside PCT"]
        await pilot.press("escape", "slash", *"ann smith")
        assert len(shown(screen)) == 3
        await pilot.press("escape", "slash", *"nobody")
        assert shown(screen) == []


async def test_keys_typed_in_one_burst_after_the_filter_act_on_the_narrowed_rows(tmp_path: Path) -> None:
    """`/nor`, enter (the first match), down, x: the second Northfield is archived, and only it."""
    folder = tmp_path / "answers"
    demo_folder(folder)
    async with home(folder) as (app, pilot, screen):
        await pilot.press("slash", "n", "o", "r", "enter", "down", "x")
        await pilot.pause()
        assert app.focused is screen.query_one(RowTable)
        assert sorted(p.name for p in (folder / ARCHIVE).iterdir()) == [EARLIER]
        assert (folder / LATER).exists() and (folder / RIVERSIDE).exists()


async def test_o_cycles_the_sort_and_the_header_says_which(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    demo_folder(folder)
    write(
        folder, "Aston-2026-01-01.toml", answered("Aston PCT", date(2026, 1, 1), 1, upto=3), STAMP - timedelta(days=400)
    )
    async with home(folder) as (_, pilot, screen):
        table = screen.query_one(RowTable)
        assert "newest change first" in text(screen, "#where") and table.columns[5] == "Last change ↓"
        assert shown(screen)[0][0] == "Northfield PCT"
        await pilot.press("o")
        assert "by organisation" in text(screen, "#where") and table.columns[0] == "Organisation ↓"
        orgs = [row[0] for row in shown(screen)]
        assert orgs == ["Aston PCT", "Northfield PCT", "Northfield PCT", "Riverside PCT"]
        assert [row[2] for row in shown(screen)][1:3] == ["2026-03-31", "2025-03-31"]  # newest first within one
        await pilot.press("o")
        assert "by date, newest first" in text(screen, "#where")
        assert [row[2] for row in shown(screen)] == ["2026-03-31", "2026-02-01", "2026-01-01", "2025-03-31"]
        await pilot.press("o")
        assert "least done first" in text(screen, "#where") and table.columns[3] == "Done ↓"
        assert shown(screen)[0][0] == "Aston PCT"
        assert [row[3] for row in shown(screen)][-2:] == ["complete, 1 don't know"] * 2
        await pilot.press("o")
        assert "newest change first" in text(screen, "#where")
        # The filter keeps the sort.
        await pilot.press("o", "slash", *"pct")
        assert shown(screen)[0][0] == "Aston PCT"


async def test_x_moves_only_the_file_under_the_cursor_to_the_archive_and_u_puts_it_back(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    demo_folder(folder)
    body = (folder / LATER).read_bytes()
    async with home(folder) as (_, pilot, screen):
        assert screen.selected() is not None and screen.selected().path.name == LATER  # type: ignore[union-attr]
        assert "Undo" not in key_line(screen)
        await pilot.press("x")
        assert sorted(p.name for p in folder.iterdir()) == [EARLIER, RIVERSIDE, ARCHIVE]
        assert (folder / ARCHIVE / LATER).read_bytes() == body
        assert text(screen, "#news") == f"Moved {LATER} to archive/. u puts it back."
        assert LATER not in [item.path.name for item in screen.items] and len(shown(screen)) == 2
        await pilot.press("u")
        assert (folder / LATER).read_bytes() == body and list((folder / ARCHIVE).iterdir()) == []
        assert text(screen, "#news") == f"Put {LATER} back."
        assert len(shown(screen)) == 3 and screen.selected().path.name == LATER  # type: ignore[union-attr]
        # delete does what x does, as on the Plan screen.
        await pilot.press("delete")
        assert (folder / ARCHIVE / LATER).exists()


async def test_a_file_open_in_another_stick_is_not_archived_and_home_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    demo_folder(folder)
    body = (folder / LATER).read_bytes()
    with held_lock(folder / LATER, user="kim"):
        async with home(folder) as (_, pilot, screen):
            await pilot.press("x")
            assert (folder / LATER).read_bytes() == body and not (folder / ARCHIVE).exists()
            assert text(screen, "#news").startswith(f"Not archived: {LATER} is open by kim on ")
            assert len(shown(screen)) == 3


async def test_at_80_columns_every_header_reads_whole_and_no_sideways_scrollbar_is_drawn(tmp_path: Path) -> None:
    """Seen: "Last change" read "Last c", and a stray "▌" (the sideways scrollbar's thumb) stayed at the bottom."""
    folder = tmp_path / "answers"
    demo_folder(folder)
    write(folder, "Betsi.toml", answered("Ysbyty Gwynedd — Bwrdd Iechyd Prifysgol Betsi Cadwaladr Łódź", TODAY, 2))
    async with home(folder, size=(80, 24)) as (_, _, screen):
        table = screen.query_one(RowTable)
        header = table.render_line(0).text
        for label in ("Organisation", "Respondent", "Date", "Done", "Reviews", "Last change"):
            assert label in header
        assert not table.show_horizontal_scrollbar
        assert sum(table.fitted(table.size.width)) + 2 * len(table.columns) <= table.size.width
        assert "2026-03-31" in table.render_line(1).text  # the last column, whole


async def test_typing_a_filter_rewords_no_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """10,000 rows are narrowed by a list of numbers: no cell is worded again per key."""
    folder = tmp_path / "answers"
    demo_folder(folder)
    async with home(folder) as (_, pilot, screen):
        worded: list[object] = []

        def word(item: object) -> tuple[str, ...]:
            worded.append(item)
            return ()

        monkeypatch.setattr(screen, "_cells", word)
        await pilot.press("slash", *"northfield", "backspace", "escape", "o", "o")
        assert worded == []


async def test_a_filter_typed_while_the_folder_is_still_read_keeps_every_key_and_narrows_what_comes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_app_big_folder import many

    folder = tmp_path / "answers"
    many(folder, 200, answered("Template", date(2026, 1, 1), 2, upto=6))
    monkeypatch.setattr("surveys.folders.folder_index.FIRST_BATCH", 10)
    monkeypatch.setattr("surveys.folders.folder_index.BATCH_LIMIT", 25)
    app = make_app(folder, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"trust 001")
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        for _ in range(500):
            if screen.listed:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        assert screen.listed and screen.list.needle == "trust 001"
        assert app.focused is screen.query_one("#filter")
        rows = shown(screen)
        assert len(rows) == 100 and all(row[0].startswith("Trust 001") for row in rows)
