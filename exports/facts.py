"""The few lines at the top of the Summary and Compare sheets: who, when, with what."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from exports.merge import Basis, Member
from exports.sheets_plan import listed
from surveys.instruments.opening import Opened
from surveys.results.scoring import Result

Facts = list[tuple[str, str | date]]


def instrument_line(basis: Basis) -> str:
    i = basis.instrument
    if len(basis.versions) == 1:
        return f"{i.title} ({i.id}), version {i.version}"
    versions = " and ".join(str(v) for v in basis.versions)
    return (
        f"{i.title} ({i.id}), versions {versions}: scored on the {len(basis.shared)} questions they share (see About)"
    )


def _respondent(name: str, role: str) -> str:
    return f"{name} ({role})" if role else name


def single_facts(opened: Opened, result: Result) -> Facts:
    a, i = opened.assessment, opened.instrument
    return [
        ("Organisation", a.organisation),
        ("Respondent", _respondent(a.respondent, a.role)),
        ("Date", a.date),
        ("Instrument", f"{i.title} ({i.id}), version {i.version}"),
    ]


def answered_words(result: Result) -> str:
    c = result.completeness
    return (
        f"{c.answered} of {c.total} questions ({c.percent}%); {c.dont_know} don't know, "
        f"{c.unanswered} unanswered, {c.needs_review} needing review"
    )


def team_answered_words(members: Sequence[Member]) -> str:
    complete = sum(1 for m in members if m.complete == 100)
    mean = sum(m.complete for m in members) / len(members) if members else 0
    return f"{mean:.0f}% of questions answered on average; {complete} of {len(members)} assessments complete"


def team_facts(basis: Basis, members: Sequence[Member], limit: int = 12) -> Facts:
    organisations = list(dict.fromkeys(m.organisation for m in members))
    people = list(dict.fromkeys(_respondent(m.respondent, m.role) for m in members))
    first, last = min(m.date for m in members), max(m.date for m in members)
    return [
        ("Organisation" if len(organisations) == 1 else "Organisations", listed(organisations, limit)),
        (f"Respondents ({len(members)} assessments)", listed(people, limit)),
        (
            "Date" if first == last else "Dates",
            first if first == last else f"{first.isoformat()} to {last.isoformat()}",
        ),
        ("Instrument", instrument_line(basis)),
    ]


def compare_facts(earlier: Opened, members: Sequence[Member], basis: Basis) -> list[tuple[str, str]]:
    a = earlier.assessment
    now = (
        f"{members[0].respondent}, {members[0].date.isoformat()} ({members[0].file})"
        if len(members) == 1
        else f"the team of {len(members)} assessments"
    )
    return [
        ("Earlier", f"{_respondent(a.respondent, a.role)}, {a.date.isoformat()} ({earlier.path.name})"),
        ("Now", now),
        ("Scored on", instrument_line(basis)),
    ]
