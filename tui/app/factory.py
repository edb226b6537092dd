"""One factory builds the app, for `stick` and for the tests alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from surveys.files.atomic import clear_stale_temps
from surveys.locks.stale_sweep import clear_stale_locks
from surveys.model.responses import now
from tui.app.app import IDLE_SAVE_SECONDS, StickApp


def make_app(
    folder: Path,
    file: Path | None = None,
    *,
    instrument: Path | None = None,
    today: Callable[[], date] = date.today,
    idle_save: float = IDLE_SAVE_SECONDS,
    clock: Callable[[], datetime] = now,
    config_dir: Path | None = None,
) -> StickApp:
    """The app on `folder`; with `file`, opened at its first unanswered question.

    A file that cannot be read raises StickError here, before any screen is drawn.
    Temp files and locks left by a killed stick are cleared first (ones whose
    process still runs are left alone). The chosen theme is kept in `config_dir`
    (default: STICK_CONFIG_DIR, else the platform's config folder).
    """
    for place in {folder, *([file.parent] if file is not None else [])}:
        clear_stale_temps(place)
        clear_stale_locks(place)
    store = None
    if file is not None:
        from surveys.instruments.opening import open_assessment
        from tui.app.store import Store

        opened = open_assessment(file, instrument)
        store = Store(file, opened.assessment, opened.instrument, clock=clock)
    from surveys.files.settings import default_config_dir

    return StickApp(
        folder,
        opened=store,
        instrument_path=instrument,
        today=today,
        idle_save=idle_save,
        config_dir=config_dir or default_config_dir(),
    )
