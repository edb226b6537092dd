"""What makes one assessment an earlier one of another: the rule, once, for the folder search and a named file."""

from __future__ import annotations

from datetime import date

from surveys.model.responses import Assessment


def _plain(name: str) -> str:
    return " ".join(name.split()).casefold()


def same_organisation(a: str, b: str) -> bool:
    """The same name, whatever its case and spacing (typed by different people in different years)."""
    return _plain(a) == _plain(b)


def same_person(a: str, b: str) -> bool:
    """The same respondent's name, whatever its case and spacing: someone else's rating may differ for that alone."""
    return _plain(a) == _plain(b)


def comes_before(organisation: str, instrument_id: str, when: date, later: Assessment) -> bool:
    """Of the same organisation as `later`, on the same instrument, dated before it."""
    return (
        same_organisation(organisation, later.organisation)
        and instrument_id == later.instrument_id
        and when < later.date
    )
