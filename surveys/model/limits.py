"""Limits on what stick writes and what it reads from a person, so every file it writes reads back.

The reader refuses files over `surveys.files.textfile.MAX_BYTES`; a note is capped
far below that when it is written, and a save that would still pass the read
limit is refused (`surveys.files.response_file`), so stick never writes a file it
will not open again.
"""

from __future__ import annotations

from datetime import date

# About ten pages of typing: more than any interview note, and a hundred of them
# (at up to four UTF-8 bytes a character) stay well under the 32 MB read limit.
NOTE_LIMIT = 20_000
# Longer than any choice number or count a person types; int() of 4,300 digits raises.
NUMBER_DIGITS = 9


def cap_note(text: str) -> tuple[str, bool]:
    """The note as it will be saved, and whether it was cut to NOTE_LIMIT characters.

    A front end that sets a note tells the person when the second is True.
    """
    if len(text) <= NOTE_LIMIT:
        return text, False
    return text[:NOTE_LIMIT], True


def note_cut_message() -> str:
    return f"The note was longer than {NOTE_LIMIT:,} characters: only the first {NOTE_LIMIT:,} are saved."


def small_number(text: str) -> int | None:
    """A whole number typed by a person (ASCII digits only), or None if it is not one or is absurdly long."""
    text = text.strip()
    if not text or len(text) > NUMBER_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


# Excel counts days from 1900 (an earlier date becomes a negative serial), and ISO dates stop at 9999.
FIRST_YEAR, LAST_YEAR = 1900, 9999


def date_in_range(day: date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


def check_entered(day: date) -> date:
    """A date a person typed, refused (ValueError) outside the years a workbook can show."""
    if not date_in_range(day):
        raise ValueError(f"{day.isoformat()} is before {FIRST_YEAR}: type a date from {FIRST_YEAR} to {LAST_YEAR}")
    return day
