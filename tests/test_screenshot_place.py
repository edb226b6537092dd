"""The palette's screenshot is saved where the user will find it, and says where, or why not.

Textual's own said "Failed to save screenshot" where there is no Downloads folder.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from tests.app_support import TODAY
from tui.app import screenshot_place
from tui.app.factory import make_app
from tui.app.screenshot_place import candidate_folders, save_screenshot, screenshot_name

SVG = "<svg/>"


def test_downloads_first_then_the_assessments_folder_then_here(tmp_path: Path) -> None:
    downloads, assessments, here = tmp_path / "Downloads", tmp_path / "stick", tmp_path
    assert candidate_folders(downloads, assessments, here) == [downloads, assessments, here]
    assert candidate_folders(None, assessments, here) == [assessments, here]
    assert candidate_folders(None, here, here) == [here]


def test_the_name_sorts_by_time_and_is_safe_everywhere() -> None:
    assert screenshot_name("stick", datetime(2026, 12, 1, 9, 5, 7)) == "stick-screenshot-2026-12-01-09.05.07.svg"
    assert screenshot_name('a/b c*"', datetime(2026, 12, 1)) == "a_b_c-screenshot-2026-12-01-00.00.00.svg"


def test_saved_in_the_first_folder_that_takes_it_saying_where(tmp_path: Path) -> None:
    gone, kept = tmp_path / "Downloads", tmp_path / "stick"
    kept.mkdir()
    notice = save_screenshot(SVG, "s.svg", [gone, kept])
    assert not notice.failed
    assert (kept / "s.svg").read_text(encoding="utf-8") == SVG
    assert notice.message == f"Saved the screenshot to {kept / 's.svg'} ({gone}: no such folder)"


def test_a_second_in_the_same_second_replaces_nothing(tmp_path: Path) -> None:
    save_screenshot("one", "s.svg", [tmp_path])
    notice = save_screenshot("two", "s.svg", [tmp_path])
    assert (tmp_path / "s.svg").read_text(encoding="utf-8") == "one"
    assert (tmp_path / "s-2.svg").read_text(encoding="utf-8") == "two" and "s-2.svg" in notice.message


def test_when_no_folder_takes_it_each_says_why(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    notice = save_screenshot(SVG, "s.svg", [not_a_folder, tmp_path / "missing"])
    assert notice.failed
    missing = tmp_path / "missing"
    assert notice.message == f"Could not save the screenshot: {not_a_folder}: not a folder; {missing}: no such folder"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a folder this user may not write to")
def test_a_read_only_folder_is_named_as_such(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        notice = save_screenshot(SVG, "s.svg", [locked])
    finally:
        locked.chmod(0o700)
    assert notice.failed and notice.message.endswith(f"{locked}: not allowed to write there")


async def test_the_palette_screenshot_without_downloads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No Downloads folder: the screenshot lands in the assessments folder and the notice says so."""
    monkeypatch.setattr(screenshot_place, "downloads_folder", lambda: None)
    folder = tmp_path / "assessments"
    folder.mkdir()
    app = make_app(folder, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "screenshot":
            await pilot.press(key)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.5)
        saved = list(folder.glob("*.svg"))
        assert len(saved) == 1 and saved[0].read_text(encoding="utf-8").startswith("<svg")
        messages = [n.message for n in app._notifications]
        assert f"Saved the screenshot to {saved[0]}" in messages
