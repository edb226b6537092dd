"""The local time, even where the time zone is set to something Python cannot use.

A TZ such as 'XYZ-24:59' passes the C library but makes `astimezone()` raise
ValueError: such a clock is read as UTC rather than stopping the program.
"""

from __future__ import annotations

from datetime import UTC, datetime


def local_now() -> datetime:
    try:
        return datetime.now().astimezone()
    except (ValueError, OverflowError, OSError):
        return datetime.now(UTC)


def local_time(timestamp: float) -> datetime:
    try:
        return datetime.fromtimestamp(timestamp).astimezone()
    except (ValueError, OverflowError, OSError):
        return datetime.fromtimestamp(timestamp, UTC)
