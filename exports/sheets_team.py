"""The Team sheet: each organisation on its own line, the spread per area, profiles and adopters counted, the plan.

Organisations are never pooled into one placement (see organisations.py);
the plan's counts are formulas over the Action plan, set and suggested
priorities counted apart, so they follow the planners' edits.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

from exports.cells import COUNT, HEADING, LABEL, PERCENT, SCORE, TITLE, TOP, WRAPPED, formula, header_row, styled, text
from exports.charts import EARLIER_COLOUR, NOW_COLOUR, adopter_curve, profile_bars
from exports.figure_words import reached_heading, reached_words
from exports.layout import Rows, break_before, prepare
from exports.merge import Basis, Scored
from exports.organisations import Organisation, adopter_shares, placement_words
from exports.plan_counts import set_count, suggested_count
from exports.plan_rows import PlanRow
from exports.sheets_plan import PlanColumns
from exports.sheets_results import adopter_words
from exports.sheets_team_plan import write_team_plan
from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, vocabulary

WIDTHS = [22, 11, 16, 16, 16, 14, 16, 7, 9]
MAX_SERIES = 6  # organisations drawn apart on a chart; more are drawn as one team
CHART_ROWS = 16


def counting(instrument: Instrument) -> list[str]:
    """How the Team sheet counts, in the instrument's words and only for the parts it has."""
    v = vocabulary(instrument)
    lines = ["Each organisation is placed on its own: never pooled with another."]
    if instrument.dimensions:
        lines[0] += (
            f" Its placement on a {v.dimension} is the {v.profile} most of its assessments were placed in; the "
            "count beside it says how many."
        )
        lines.append(
            f"An assessment whose answers tie between {v.profiles} is counted under each tied {v.profile} (and in "
            "'Of them tied'), so an organisation's counts, and its shares, can add up to more than its assessments "
            "(more than 100%)."
        )
    lines.append(
        f"Set {v.priorities} are those a person chose and has not dropped; suggested ones come from the weakest "
        f"{v.areas} of an assessment with no plan yet. They are counted apart, live from the Action plan."
    )
    return lines


def write_team(
    ws: Any,
    basis: Basis,
    scored: Sequence[Scored],
    orgs: Sequence[Organisation],
    plan: PlanColumns,
    rows_of_plan: Sequence[PlanRow],
    duplicates: int,
) -> None:
    instrument = basis.instrument
    prepare(ws, WIDTHS)
    rows = Rows(ws, WIDTHS)
    rows.add(
        [
            text(
                ws,
                f"Team: {len(scored)} assessments from {len(orgs)} organisation{'s' if len(orgs) != 1 else ''}",
                TITLE,
            )
        ]
    )
    for line in counting(instrument):
        rows.prose(line)
    rows.skip()
    _organisations(rows, basis, orgs, plan)
    rows.skip()
    if instrument.areas and instrument.steps:
        _areas(rows, basis, orgs)
        rows.skip()
    dimension_tables = _profiles(rows, basis, orgs) if instrument.dimensions else []
    adopters = _adopters(rows, basis, scored, orgs) if instrument.adopters else None
    write_team_plan(rows, basis, plan, rows_of_plan, duplicates, orgs)
    rows.skip()
    _versions(rows, basis, scored)
    _charts(rows, basis, dimension_tables, adopters, len(orgs))


def _organisations(rows: Rows, basis: Basis, orgs: Sequence[Organisation], plan: PlanColumns) -> None:
    ws, instrument = rows.ws, basis.instrument
    v = vocabulary(instrument)
    rows.add([text(ws, "Each organisation", HEADING)])
    names = ["Organisation", "Assessments", *(d.label for d in instrument.dimensions)]
    if instrument.steps:
        names.append(reached_heading(instrument))
    if instrument.adopters:
        names.append(heading(v.adopter))
    names += ["Set", "Suggested"]
    rows.add(header_row(ws, names, numbers={1, len(names) - 2, len(names) - 1}))
    for org in orgs:
        r = rows.row + 1
        same_org = f"({plan.column('Organisation')}=$A${r})"
        cells = [text(ws, org.name, LABEL), styled(ws, len(org.members), COUNT)]
        cells += [text(ws, placement_words(instrument, p), WRAPPED) for p in org.placements]
        if instrument.steps:
            cells.append(text(ws, reached_words(instrument, org.standing), WRAPPED))
        if instrument.adopters:
            cells.append(text(ws, adopter_words(instrument, org.standing), WRAPPED))
        cells += [formula(ws, set_count(plan, same_org), COUNT), formula(ws, suggested_count(plan, same_org), COUNT)]
        rows.add(cells)


def _areas(rows: Rows, basis: Basis, orgs: Sequence[Organisation]) -> None:
    """Each organisation's spread over its own assessments; organisations are never pooled."""
    ws, v = rows.ws, vocabulary(basis.instrument)
    several = len(orgs) > 1
    rows.add(
        [
            text(
                ws,
                f"{heading(v.ladder)} by {v.area} across the team ({v.steps} 1 to {len(basis.instrument.steps)})"
                + (", each organisation on its own" if several else ""),
                HEADING,
            )
        ]
    )
    rows.add(
        header_row(ws, [heading(v.area), "Assessments scored", "Mean", "Min", "Max", "Spread"], numbers={1, 2, 3, 4, 5})
    )
    for org in orgs:
        if several:
            rows.add([text(ws, f"{org.name} ({len(org.members)} assessments)", HEADING)])
        for index, area in enumerate(basis.instrument.areas):
            known = [s.areas[index].score for s in org.members if s.areas[index].score is not None]
            values = [k for k in known if k is not None]
            low, high = (min(values), max(values)) if values else (None, None)
            rows.add(
                [
                    text(ws, area.label, LABEL),
                    styled(ws, len(values), COUNT),
                    styled(ws, statistics.fmean(values) if values else None, SCORE),
                    styled(ws, low, SCORE),
                    styled(ws, high, SCORE),
                    styled(ws, high - low if high is not None and low is not None else None, SCORE),
                ]
            )


def _profiles(rows: Rows, basis: Basis, orgs: Sequence[Organisation]) -> list[tuple[str, int, int, int]]:
    """Assessments placed in each profile, per organisation; returns the chart blocks (label, header, last, series)."""
    ws, instrument = rows.ws, basis.instrument
    v = vocabulary(instrument)
    rows.add([text(ws, f"Assessments placed in each {v.profile}, per organisation", HEADING)])
    rows.add(
        header_row(
            ws,
            [
                "Organisation",
                heading(v.dimension),
                heading(v.profile),
                "Placed here",
                "Of them tied",
                "Share of organisation",
            ],
            numbers={3, 4, 5},
        )
    )
    for org in orgs:
        for placement in org.placements:
            dimension = instrument.dimension(placement.dimension)
            for pid, n, tied in placement.counts:
                rows.add(
                    [
                        text(ws, org.name, WRAPPED),
                        text(ws, dimension.label, WRAPPED),
                        text(ws, dimension.profile(pid).label, TOP),
                        styled(ws, n, COUNT),
                        styled(ws, tied, COUNT),
                        styled(ws, n / placement.assessments if placement.assessments else 0.0, PERCENT),
                    ]
                )
    rows.skip()
    # What the three charts draw: one small table per dimension, organisations across.
    drawn = list(orgs) if len(orgs) <= MAX_SERIES else []
    tables = []
    for index, dimension in enumerate(instrument.dimensions):
        series = [o.name for o in drawn] or ["Organisations placed here"]
        header = rows.add(
            header_row(
                ws,
                [f"{dimension.label}: {'assessments' if drawn else 'organisations'} placed", *series][: len(WIDTHS)],
                numbers=set(range(1, len(series) + 1)),
            )
        )
        for p_index, profile in enumerate(dimension.profiles):
            if drawn:
                counts = [o.placements[index].counts[p_index][1] for o in drawn]
            else:  # too many to draw apart: each organisation counted once where it is placed, never its people
                counts = [sum(1 for o in orgs if profile.id in o.placements[index].best)]
            rows.add([text(ws, profile.label, TOP), *(styled(ws, n, COUNT) for n in counts[: len(WIDTHS) - 1])])
        tables.append((dimension.label, header, rows.row, min(len(series), len(WIDTHS) - 1)))
        rows.skip()
    return tables


def _adopters(rows: Rows, basis: Basis, scored: Sequence[Scored], orgs: Sequence[Organisation]) -> tuple[int, int]:
    ws, instrument = rows.ws, basis.instrument
    v = vocabulary(instrument)
    counts, known, what = adopter_shares(orgs)
    people = Counter(s.adopter for s in scored if s.adopter)
    rows.add([text(ws, f"{heading(v.adopters)} against Rogers' curve", HEADING)])
    here = "Its assessments (%)" if what == "assessments" else "These organisations (%)"
    names = [
        heading(v.adopter),
        "Rogers (%)",
        here,
        *(["Organisations"] if what == "organisations" else []),
        "Assessments",
    ]
    header = rows.add(header_row(ws, names, numbers=set(range(1, len(names)))))
    for category in instrument.adopters:
        share = 100 * counts.get(category.id, 0) / known if known else 0.0
        cells = [
            text(ws, category.label, LABEL),
            styled(ws, category.share, SCORE),
            styled(ws, round(share, 1), SCORE),
        ]
        if what == "organisations":
            cells.append(styled(ws, round(counts.get(category.id, 0), 2), SCORE))
        cells.append(styled(ws, people[category.id], COUNT))
        rows.add(cells)
    last = rows.row
    if what == "organisations":
        rows.prose(
            f"Rogers' shares are shares of organisations, so each organisation is counted once, under the "
            f"{v.adopter} most of its assessments name (one tied between categories is split evenly among "
            "them); its assessments are counted beside it."
        )
    missing = len(scored) - sum(people.values())
    rows.add(
        [
            text(
                ws,
                f"{missing} of {len(scored)} assessments have no {v.adopter} yet."
                if missing
                else f"Every assessment has an {v.adopter}.",
                TOP,
            )
        ]
    )
    rows.skip()
    return header, last


def _versions(rows: Rows, basis: Basis, scored: Sequence[Scored]) -> None:
    ws = rows.ws
    rows.add([text(ws, "Instrument versions", HEADING)])
    rows.add(header_row(ws, ["Version", "Assessments"], numbers={0, 1}))
    used = Counter(s.member.instrument.version for s in scored)
    for version in sorted(used):
        rows.add([styled(ws, version, COUNT), styled(ws, used[version], COUNT)])
    if basis.differences:
        rows.prose(
            f"Scored on the {len(basis.shared)} questions every version shares; "
            f"{len(basis.differences)} differ and are listed on the About sheet."
        )


def _charts(
    rows: Rows,
    basis: Basis,
    tables: Sequence[tuple[str, int, int, int]],
    adopters: tuple[int, int] | None,
    many: int,
) -> None:
    """Three small charts, one per dimension, and the adopters against Rogers: from a fresh page."""
    ws, v = rows.ws, vocabulary(basis.instrument)
    rows.skip()
    start = rows.row + 1
    break_before(ws, start)
    spots = [
        f"A{start}",
        f"C{start}",
        f"A{start + CHART_ROWS}",
        f"C{start + CHART_ROWS}",
    ]  # A:B and C:E are 7.6 cm and more
    for index, (label, header, last, series) in enumerate(tables[:3]):
        axis = "assessments" if many <= MAX_SERIES else "organisations"
        chart = profile_bars(ws, label, 1, list(range(2, series + 2)), header, last, axis)
        if series == 1:
            chart.legend = None
        chart.width = 7.4  # two columns wide: two charts side by side on one page
        ws.add_chart(chart, spots[index])
    if adopters is not None:
        chart = adopter_curve(
            ws,
            f"{heading(v.adopters)}: Rogers' curve and this team",
            adopters[0],
            adopters[1],
            EARLIER_COLOUR,
            NOW_COLOUR,
            "% of assessments" if many == 1 else "% of organisations",
        )
        chart.width = 7.4
        ws.add_chart(chart, spots[len(tables[:3])])
    rows.skip(CHART_ROWS * 2)
