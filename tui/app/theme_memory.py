"""The chosen theme is put back at start and remembered whenever it changes (surveys.files.settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.theme import Theme


def recall_theme(app: App[Any], folder: Path | None) -> None:
    """Apply the theme saved in `folder` if it is installed (else keep the default); save each new choice.

    None: nothing is read or saved (an app built without a config folder).
    """
    if folder is None:
        return
    from surveys.files.settings import read_settings

    saved = read_settings(folder).theme
    if saved and saved in app.available_themes:
        app.theme = saved
    kept = [saved]

    def remember(theme: Theme) -> None:
        from surveys.files.settings import Settings, SettingsError, write_settings

        if theme.name == kept[0]:
            return  # the theme put back at start, or chosen again: the file already says so
        try:
            write_settings(folder, Settings(theme=theme.name))
        except SettingsError as exc:
            app.notify(str(exc), title="Theme not remembered", severity="warning", timeout=10)
            return
        kept[0] = theme.name

    app.theme_changed_signal.subscribe(app, remember)
