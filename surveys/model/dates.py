"""Dates as people in NHS offices type them: 31/03/2027 as readily as 2027-03-31.

One reader for every date field (the New form, a priority's target and review
dates, the interview, `stick new --date`), so a date typed one way in one
place is never refused in another; and one way of saying back which date was
understood, so 03/04/2027 cannot pass as the 4th of March unnoticed.
"""

from __future__ import annotations

import re
from datetime import date

from surveys.model.limits import check_entered

# ISO (year first), or day/month/year as the UK writes it, with / . or - between.
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_UK = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
HINT = "31/03/2027 or 2027-03-31"


def read_date(text: str) -> date:
    """The date `text` names, day first or ISO; ValueError with a message a person can act on."""
    typed = text.strip()
    iso, uk = _ISO.fullmatch(typed), _UK.fullmatch(typed)
    try:
        if iso:
            day = date(int(iso[1]), int(iso[2]), int(iso[3]))
        elif uk:
            day = date(int(uk[3]), int(uk[2]), int(uk[1]))
        else:
            raise ValueError
    except ValueError:
        shown = typed if len(typed) <= 20 else typed[:20] + "..."
        raise ValueError(f"{shown or 'an empty date'!r} is not a date: type it like {HINT}") from None
    return check_entered(day)


def said(day: date) -> str:
    """A date in words, to say back which one was understood: 'Wednesday 31 March 2027'."""
    return f"{day:%A} {day.day} {day:%B %Y}"
