"""The chosen theme is remembered in the settings file and put back at the next start."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from surveys.files.settings import SETTINGS_FILE
from tests.test_app_lock import record_notifications
from tui.app.factory import make_app
from tui.app.home import HomeScreen

DEFAULT = "textual-dark"


async def test_a_chosen_theme_is_saved_and_put_back(tmp_path: Path, own_config: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT
        app.theme = "nord"  # what the palette's theme list does
        await pilot.pause()
    assert tomllib.loads((own_config / SETTINGS_FILE).read_text("utf-8"))["theme"] == "nord"
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
    assert tomllib.loads((own_config / SETTINGS_FILE).read_text("utf-8"))["theme"] == "nord"


async def test_starting_writes_no_settings(tmp_path: Path, own_config: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert not (own_config / SETTINGS_FILE).exists()


@pytest.mark.parametrize("content", [b'theme = "no-such-theme"\n', b"theme = [\n", b"\xff\xfe\x00", b"theme = 3\n"])
async def test_an_unknown_theme_or_a_broken_file_is_ignored(tmp_path: Path, own_config: Path, content: bytes) -> None:
    (own_config / SETTINGS_FILE).write_bytes(content)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == DEFAULT
    assert (own_config / SETTINGS_FILE).read_bytes() == content


async def test_a_settings_folder_that_cannot_be_written_is_said_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    app = make_app(tmp_path, config_dir=blocker / "stick")
    notes = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
        assert app.theme == "nord"  # it applies now, only it is not remembered
    assert any("cannot save the settings" in note for note in notes)


def test_a_fifo_for_settings_starts_the_real_app_without_a_traceback(tmp_path: Path) -> None:
    from tests.app_pty import AppInPty

    config = tmp_path / "config"
    config.mkdir()
    os.mkfifo(config / SETTINGS_FILE)
    term = AppInPty(["--dir", str(tmp_path / "answers")], env={"STICK_CONFIG_DIR": str(config)})
    try:
        term.wait_for("New", timeout=30)
    finally:
        term.type("\x11")
        code = term.close(timeout=15)
    assert code == 0 and b"Traceback" not in term.output
