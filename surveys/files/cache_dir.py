"""Where stick keeps what it can work out again: the user's cache folder, or STICK_CACHE_DIR."""

from __future__ import annotations

import os
from pathlib import Path

ENV_CACHE = "STICK_CACHE_DIR"


def default_cache_dir() -> Path:
    """STICK_CACHE_DIR, else the platform's cache folder for stick."""
    chosen = os.environ.get(ENV_CACHE)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only here: a start with STICK_CACHE_DIR set never needs it

    return Path(platformdirs.user_cache_dir("stick", appauthor=False))
