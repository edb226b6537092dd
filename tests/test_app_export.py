"""`e` on Home writes the Excel workbook in a worker, with a progress bar, keys live."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Checkbox, Input, ProgressBar, RadioButton

from tests.app_support import TODAY, demo_folder
from tests.conftest import ROOT
from tui.app.export_dialog import ExportDialog, default_output
from tui.app.export_panel import ExportPanel
from tui.app.factory import make_app
from tui.app.home import HomeScreen
from tui.app.row_table import RowTable


def cells(path: Path, sheet: str) -> list[str]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    assert sheet in wb.sheetnames, wb.sheetnames
    found = [str(v) for row in wb[sheet].iter_rows(values_only=True) for v in row if v is not None]
    wb.close()
    return found


async def test_export_the_selected_assessment(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    app = make_app(later.parent, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        expected = later.parent / "stick-export-2026-03-31.xlsx"
        assert dialog.query_one("#output", Input).value == str(expected)
        await pilot.press("enter")  # the default name, the selected assessment
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = app.screen.query_one(ExportPanel)
        assert not panel.running and panel.display
        bar = panel.query_one(ProgressBar)
        assert bar.total is not None and bar.progress == bar.total
    found = cells(expected, "Summary")
    assert any("Northfield PCT" in v for v in found)
    assert not any("Riverside PCT" in v for v in found)


async def test_export_all_merges_every_readable_file(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    (later.parent / "broken.toml").write_text("answers = {", encoding="utf-8")
    app = make_app(later.parent, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#all", RadioButton).value = True
        field = dialog.query_one("#output", Input)
        field.value = "team.xlsx"  # relative: into the response folder
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    team = cells(later.parent / "team.xlsx", "Team")
    for organisation in ("Northfield PCT", "Riverside PCT"):
        assert any(organisation in v for v in team)


async def test_an_existing_workbook_is_not_replaced_unless_asked(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    taken = later.parent / "team.xlsx"
    taken.write_bytes(b"not ours")
    app = make_app(later.parent, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#output", Input).value = "team.xlsx"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # still asking
        assert "already exists" in str(dialog.query_one("#problem").render())
        assert taken.read_bytes() == b"not ours"
        dialog.query_one("#force", Checkbox).value = True
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert any("Northfield PCT" in v for v in cells(taken, "Summary"))


async def test_a_failed_export_shows_its_message_and_the_app_carries_on(tmp_path: Path) -> None:
    later = demo_folder(tmp_path / "answers")
    app = make_app(later.parent, today=lambda: TODAY)
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        real = app.notify

        def noted(message: str, **kw: Any) -> None:
            seen.append(message)
            real(message, **kw)

        app.notify = noted  # type: ignore[method-assign]
        await pilot.press("e")
        await pilot.pause()
        later.write_text("answers = {", encoding="utf-8")  # it breaks after Home listed it
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query_one(ExportPanel).running
    assert any("nothing was written" in m for m in seen), seen
    assert not default_output(later.parent, TODAY).name.endswith("-2.xlsx")  # no workbook was made


def test_default_name_is_numbered_when_taken(tmp_path: Path) -> None:
    (tmp_path / "stick-export-2026-03-31.xlsx").write_bytes(b"")
    assert default_output(tmp_path, TODAY).name == "stick-export-2026-03-31-2.xlsx"


async def test_keys_stay_live_and_the_bar_moves_while_exporting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import exports.workbook

    later = demo_folder(tmp_path / "answers")
    real_export = exports.workbook.export_workbook
    halfway = threading.Event()
    go_on = threading.Event()

    def slow(files: list[Path], output: Path, **kwargs: Any) -> Any:
        progress = kwargs["progress"]
        progress(1, 4)
        halfway.set()
        assert go_on.wait(10), "the test never let the export finish"
        return real_export(files, output, **kwargs)

    monkeypatch.setattr(exports.workbook, "export_workbook", slow)
    app = make_app(later.parent, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e", "enter")
        assert await asyncio.to_thread(halfway.wait, 10)
        await pilot.pause(0.1)
        home = app.screen
        assert isinstance(home, HomeScreen)
        panel = home.query_one(ExportPanel)
        assert panel.running and panel.query_one(ProgressBar).progress == 1
        table = home.query_one(RowTable)
        row = table.cursor_row
        await pilot.press("down")  # the keys answer while the workbook is written
        assert table.cursor_row == row + 1
        await pilot.press("e")  # a second export waits for the first
        assert not isinstance(app.screen, ExportDialog)
        go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not panel.running
    assert (later.parent / "stick-export-2026-03-31.xlsx").exists()


def test_home_does_not_import_openpyxl() -> None:
    code = "import sys, tui.app.home, tui.app.export_dialog, tui.app.export_panel; print('openpyxl' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.strip() == "False", done.stderr


async def test_with_a_filter_the_export_offers_the_ones_shown_and_starts_on_them(tmp_path: Path) -> None:
    """Seen: `/` narrowed Home to one organisation, and `e` still offered only the row or the whole folder."""
    later = demo_folder(tmp_path / "answers")
    app = make_app(later.parent, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash", *"north", "enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        shown = dialog.query_one("#shown", RadioButton)
        assert shown.value  # what the person narrowed the list to
        assert "2 matching" in str(shown.label) and "north" in str(shown.label)
        dialog.query_one("#output", Input).value = "northfield.xlsx"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    team = cells(later.parent / "northfield.xlsx", "Team")
    assert any("Northfield PCT" in v for v in team)
    assert not any("Riverside PCT" in v for v in team)
