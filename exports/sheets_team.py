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
from exports.charts import EARLIER_COLOUR, NOW_COLOUR, PAIR_HEIGHT_CM, PAIR_WIDTH_CM, adopter_curve, profile_bars
from exports.figure_words import reached_heading, reached_words
from exports.layout import Rows, chart_page, column_at, fit_column, fit_words, prepare, rows_for
from exports.merge import Basis, Scored
from exports.organisations import Organisation, adopter_shares, placement_words
from exports.plan_counts import set_count, suggested_count
from exports.plan_rows import PlanRow
from exports.sheets_plan import PlanColumns
from exports.sheets_results import adopter_words, short_label
from exports.sheets_team_plan import write_team_plan
from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, vocabulary

WIDTHS = [22, 11, 16, 16, 16, 14, 16, 7, 9]
# Header words beyond the instrument's own (column 0 is its word for the thing counted).
AREA_NAMES = ["", "Assessments scored", "Mean", "Min", "Max", "Spread"]
PROFILE_NAMES = ["Organisation", "", "", "Placed here", "Of them tied", "Share of organisation"]
ADOPTER_NAMES = ["", "Rogers (%)", "These organisations (%)", "Organisations", "Assessments"]
MAX_SERIES = 6  # organisations drawn apart on a chart; more are drawn as one team


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
    widths = _widths(instrument)
    prepare(ws, widths, freeze="A2", title_rows="1:1")
    rows = Rows(ws, widths)
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


def _organisation_names(instrument: Instrument) -> list[str]:
    v = vocabulary(instrument)
    names = ["Organisation", "Assessments", *(d.label for d in instrument.dimensions)]
    if instrument.steps:
        names.append(reached_heading(instrument))
    if instrument.adopters:
        names.append(heading(v.adopter))
    return [*names, "Set", "Suggested"]


def _widths(instrument: Instrument) -> list[float]:
    """The columns wide enough for every header word the sheet writes, and for the dimensions named in column B."""
    widths = fit_words(WIDTHS, _organisation_names(instrument), AREA_NAMES, PROFILE_NAMES, ADOPTER_NAMES)
    return fit_column(widths, 1, [d.label for d in instrument.dimensions])


def _organisations(rows: Rows, basis: Basis, orgs: Sequence[Organisation], plan: PlanColumns) -> None:
    ws, instrument = rows.ws, basis.instrument
    rows.add([text(ws, "Each organisation", HEADING)])
    names = _organisation_names(instrument)
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
                f"{heading(v.ladder)} by {v.area} across the team ({v.steps} {basis.instrument.bottom} to "
                f"{basis.instrument.top})" + (", each organisation on its own" if several else ""),
                HEADING,
            )
        ]
    )
    rows.add(header_row(ws, [heading(v.area), *AREA_NAMES[1:]], numbers={1, 2, 3, 4, 5}))
    for org in orgs:
        if several:
            rows.add([text(ws, f"{org.name} ({len(org.members)} assessments)", HEADING)])
        for index, area in enumerate(basis.instrument.areas):
            known = [s.areas[index].score for s in org.members if s.areas[index].score is not None]
            values = [k for k in known if k is not None]
            low, high = (min(values), max(values)) if values else (None, None)
            rows.add(
                [
                    # By its code where it has one (EDS: "1A"): the Framework sheet names it in full.
                    text(ws, short_label(area.label), LABEL),
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
            ["Organisation", heading(v.dimension), heading(v.profile), *PROFILE_NAMES[3:]],
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


def _adopters(
    rows: Rows, basis: Basis, scored: Sequence[Scored], orgs: Sequence[Organisation]
) -> tuple[int, int, float]:
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
    shares = [c.share for c in instrument.adopters] + [100 * n / known for n in counts.values() if known]
    return header, last, max(shares, default=0.0)


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
    adopters: tuple[int, int, float] | None,
    many: int,
) -> None:
    """One chart per dimension and the adopters against Rogers, two to a row and four to a page, from a fresh page.

    Each row of charts starts a page or sits below one that fits with it, so no chart's top is
    printed at the foot of a page.
    """
    ws, v = rows.ws, vocabulary(basis.instrument)
    start = chart_page(rows)
    step = rows_for(PAIR_HEIGHT_CM)
    right = column_at(rows.widths, PAIR_WIDTH_CM + 0.5)
    spots = [f"{'A' if n % 2 == 0 else right}{start + step * (n // 2)}" for n in range(4)]
    for index, (label, header, last, series) in enumerate(tables[:3]):
        axis = "assessments" if many <= MAX_SERIES else "organisations"
        chart = profile_bars(ws, label, 1, list(range(2, series + 2)), header, last, axis)
        if series == 1:
            chart.legend = None
        chart.width, chart.height = PAIR_WIDTH_CM, PAIR_HEIGHT_CM
        ws.add_chart(chart, spots[index])
    if adopters is not None:
        chart = adopter_curve(
            ws,
            f"{heading(v.adopters)}: Rogers' curve and this team",
            adopters[0],
            adopters[1],
            EARLIER_COLOUR,
            NOW_COLOUR,
            adopters[2],
            "% of assessments" if many == 1 else "% of organisations",
        )
        chart.width, chart.height = PAIR_WIDTH_CM, PAIR_HEIGHT_CM
        ws.add_chart(chart, spots[len(tables[:3])])
    rows.skip(step * 2)
