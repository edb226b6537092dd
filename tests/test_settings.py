"""The person's preferences: a small TOML file, written whole, and ignored when it cannot be trusted."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from surveys.files.settings import (
    ENV_CONFIG,
    SETTINGS_FILE,
    Settings,
    default_config_dir,
    read_settings,
    write_settings,
)


def test_written_then_read_back(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "stick"
    write_settings(folder, Settings(theme="nord"))
    assert tomllib.loads((folder / SETTINGS_FILE).read_text("utf-8")) == {"theme": "nord"}
    assert read_settings(folder) == Settings(theme="nord")
    assert [p.name for p in folder.iterdir()] == [SETTINGS_FILE]  # no temp file left


def test_other_keys_in_the_file_are_kept(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text('theme = "nord"\nlater = 3\n', "utf-8")
    write_settings(tmp_path, Settings(theme="gruvbox"))
    assert tomllib.loads((tmp_path / SETTINGS_FILE).read_text("utf-8")) == {"theme": "gruvbox", "later": 3}


def test_no_file_is_the_defaults(tmp_path: Path) -> None:
    assert read_settings(tmp_path / "nowhere") == Settings()


@pytest.mark.parametrize(
    "content",
    [
        b"theme = \n",  # not TOML
        b"\xff\xfe theme",  # not UTF-8
        b"theme = 3\n",  # not a name
        b'theme = "\x1b[31mred"\n',  # terminal controls
        b'theme = "' + b"x" * 200 + b'"\n',  # no theme is called that
        b"[theme]\nname = 'nord'\n",
        b"x" * (1024 * 1024),  # far too big to be ours
        b"x = " + b"[" * 30000,  # nested deeper than the TOML reader can follow
    ],
)
def test_a_hostile_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    (tmp_path / SETTINGS_FILE).write_bytes(content)
    assert read_settings(tmp_path) == Settings()


def test_a_fifo_or_folder_in_its_place_is_ignored_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / SETTINGS_FILE)
    assert read_settings(tmp_path) == Settings()
    other = tmp_path / "other"
    (other / SETTINGS_FILE).mkdir(parents=True)
    assert read_settings(other) == Settings()


def test_the_folder_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_CONFIG, str(tmp_path))
    assert default_config_dir() == tmp_path
    monkeypatch.delenv(ENV_CONFIG)
    assert default_config_dir().name == "stick"
