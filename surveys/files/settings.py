"""The person's preferences (today: the theme), kept in a small TOML file in the platform's config folder.

The file is the user's, not an assessment: whatever is wrong with it (not
TOML, not text, far too big, a FIFO in its place, a value of the wrong kind)
the settings are simply the defaults, and stick starts as it would without
it. It is written whole (surveys.files.atomic), keeping any keys it does not know.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from surveys.errors import StickError
from surveys.files.atomic import atomic_write
from surveys.files.textfile import read_bytes

ENV_CONFIG = "STICK_CONFIG_DIR"
SETTINGS_FILE = "settings.toml"
# Preferences are a few lines; anything bigger is not this file.
_MAX_BYTES = 64 * 1024
# The shape of a Textual theme's name; whether one is installed is the app's to check.
_THEME_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


class SettingsError(StickError):
    """The settings could not be written (reading never fails: it falls back to the defaults)."""


@dataclass(frozen=True)
class Settings:
    theme: str = ""  # empty: Textual's default


def default_config_dir() -> Path:
    """STICK_CONFIG_DIR, else the platform's config folder for stick."""
    chosen = os.environ.get(ENV_CONFIG)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # textual depends on it; imported here so the engine starts light

    return Path(platformdirs.user_config_dir("stick", appauthor=False))


def _table(folder: Path) -> dict[str, Any]:
    try:
        data = read_bytes(folder / SETTINGS_FILE)
        if len(data) > _MAX_BYTES:
            return {}
        import tomllib  # only when there is a file: most starts have none, and the import costs the first frame

        return tomllib.loads(data.decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # missing, unreadable, not UTF-8, not TOML, nested past reason
        return {}


def read_settings(folder: Path) -> Settings:
    theme = _table(folder).get("theme")
    if not isinstance(theme, str) or not _THEME_NAME.fullmatch(theme):
        theme = ""
    return Settings(theme=theme)


def write_settings(folder: Path, settings: Settings) -> None:
    """Save `settings` in `folder` (made if need be); SettingsError with the reason when it cannot be."""
    import tomli_w

    table = _table(folder)
    table["theme"] = settings.theme
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / SETTINGS_FILE, tomli_w.dumps(table).encode("utf-8"))
    except OSError as exc:
        raise SettingsError(f"{folder / SETTINGS_FILE}: cannot save the settings: {exc.strerror or exc}") from None
