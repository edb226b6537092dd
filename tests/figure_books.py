"""The folders issue 24 read its workbooks from: a team of 8 from 3 organisations, 200 files from 6, EDS teams.

Shared by test_export_figures.py (the cells as written) and test_export_render_figures.py
(the figures as LibreOffice computes them).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from surveys.files.response_file import load_assessment, save_assessment
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.carried import carried
from surveys.model.responses import Priority
from tests.export_helpers import make
from tests.format2_support import saved, scored

ORGS = ("Riverside PCT", "Hillside PCT", "Valley PCT", "Northgate PCT", "Eastfield PCT", "Southbank PCT")
EDS = builtin_instrument("eds2022")

RECORD = Priority(
    area="data",
    title="Record ethnicity at registration",
    lead="Dr Asha Rao",
    function="health-improvement",
    target=date(2026, 9, 30),
    review=date(2026, 6, 30),
    measure="90% of new patients recorded",
    status="in progress",
)
CHAMPION = Priority(
    area="leadership",
    title="Board champion for race equality",
    lead="Chair",
    function="business-plan",
    target=date(2026, 3, 31),
    status="not started",
)
PANEL = Priority(area="community", title="Community panel on services", function="public-involvement", status="done")
AUDIT = Priority(area="support", title="Fair recruitment audit", lead="HR director", status="dropped")
# A plan of four: two open, one done, one dropped.
FOUR = (RECORD, CHAMPION, PANEL, AUDIT)


def team_of_eight(folder: Path) -> list[Path]:
    """8 people in 3 organisations; every other one has the plan of four and a priority of their own."""
    return [
        make(
            folder,
            f"t{n}.toml",
            respondent=f"Person {n}",
            organisation=ORGS[n % 3],
            pick=1 + n % 4,
            priorities=[*FOUR, replace(RECORD, title=f"Own priority {n}")] if n % 2 else (),
        )
        for n in range(8)
    ]


def two_hundred(folder: Path) -> list[Path]:
    """200 files across 6 organisations; every third with three priorities (two open, one done)."""
    return [
        make(
            folder,
            f"m{n:03d}.toml",
            respondent=f"R{n}",
            organisation=ORGS[n % 6],
            pick=1 + n % 4,
            priorities=FOUR[:3] if n % 3 == 0 else (),
        )
        for n in range(200)
    ]


def eds_file(folder: Path, name: str, values: list[int], organisation: str, respondent: str) -> Path:
    return saved(folder, replace(scored(EDS, values), organisation=organisation, respondent=respondent), name)


def eds_team(folder: Path) -> list[Path]:
    """A team of 6 EDS 2022 gradings, 3 in each of two trusts, each file whole."""
    return [
        eds_file(
            folder,
            f"eds-{n}.toml",
            [(n + k) % 4 for k in range(11)],
            "Northfield NHS Trust" if n < 3 else "Southbank NHS Trust",
            f"Panel {n}",
        )
        for n in range(6)
    ]


def this_year_and_last(folder: Path) -> tuple[Path, Path]:
    """Last year's assessment with three priorities, and this year's started from it: its plan carried."""
    earlier = make(folder, "early.toml", pick=1, on=date(2025, 3, 1), priorities=FOUR[:3])
    now = make(folder, "now.toml", pick=3, on=date(2026, 3, 1))
    last = load_assessment(earlier)
    plan = tuple(carried(p, last.date) for p in last.priorities)
    save_assessment(now, replace(load_assessment(now), priorities=plan, plan_started=True))
    return now, earlier
