"""The keys a panel adds to response files, and telling an agreed file from a rater's."""

from __future__ import annotations

# In a rater's file: the rater group (`stick new --group`), a top-level key.
GROUP_KEY = "group"
# Raters without a group are counted under this name.
NO_GROUP = "no group"
# What a facilitator usually calls the tables of an EDS grading event; any other words are kept as typed.
SUGGESTED_GROUPS: tuple[str, ...] = ("patient", "staff", "community", "board")


GROUP_LIMIT = 60  # characters: a table's name at an event, not a description


def rater_group(text: str) -> str:
    """A rater group as typed, spaces tidied; ValueError (a sentence to show) when it cannot be one."""
    words = " ".join(text.split())
    if not words:
        raise ValueError("a rater group needs a word or two, e.g. patient, staff, community or board")
    if len(words) > GROUP_LIMIT:
        raise ValueError(f"a rater group is a few words (at most {GROUP_LIMIT} characters)")
    return words
