"""The Team sheet's merged action plan: by area, and for several organisations each on its own.

Leads and functions are listed as the files name them; the counts are
formulas over the Action plan (set and suggested apart), so they follow the
planning team's edits. With several organisations each gets its own block,
its name heading it and every count held to it: nothing is added up across
organisations.
"""

from __future__ import annotations

from collections.abc import Sequence

from exports.cells import COUNT, HEADING, LABEL, TOP, WRAPPED, formula, header_row, text
from exports.layout import Rows
from exports.merge import Basis
from exports.organisations import Organisation, organisation_key
from exports.plan_counts import set_count, suggested_count
from exports.plan_rows import PlanRow
from exports.sheets_plan import PlanColumns, listed
from surveys.model.vocabulary import heading, vocabulary


def write_team_plan(
    rows: Rows,
    basis: Basis,
    plan: PlanColumns,
    plan_rows: Sequence[PlanRow],
    duplicates: int,
    orgs: Sequence[Organisation],
) -> None:
    ws, v = rows.ws, vocabulary(basis.instrument)
    several = len(orgs) > 1
    rows.add(
        [
            text(
                ws,
                f"The merged action plan, by {v.area}"
                + (", each organisation on its own" if several else "")
                + f" (every {v.priority} is on the Action plan sheet)",
                HEADING,
            )
        ]
    )
    linked = bool(basis.instrument.functions)  # an instrument with no functions gets no column always empty
    names = [heading(v.area), "Leads named", *([heading(v.functions)] if linked else []), "Set", "Suggested"]
    rows.add(header_row(ws, names, numbers={len(names) - 2, len(names) - 1}))
    keys = {organisation_key(o.name): o.name for o in orgs}
    by_org: dict[str, dict[str, tuple[dict[str, None], dict[str, None]]]] = {o.name: {} for o in orgs}
    for p in plan_rows:
        name = keys.get(organisation_key(p.organisation), orgs[0].name if orgs else "")
        leads, functions = by_org.setdefault(name, {}).setdefault(p.area, ({}, {}))
        if p.lead:
            leads[p.lead] = None
        if p.function:
            functions[p.function] = None
    for name, by_area in by_org.items():
        same_org: tuple[str, ...] = ()
        if several:
            head = rows.add([text(ws, name, HEADING)])
            same_org = (f"({plan.column('Organisation')}=$A${head})",)
        for area, (leads, functions) in by_area.items():
            r = rows.row + 1
            same_area = f"({plan.column(heading(v.area))}=$A${r})"
            rows.add(
                [
                    text(ws, area, LABEL),
                    text(ws, listed(list(leads)) or "none yet", WRAPPED),
                    *([text(ws, listed(list(functions)), WRAPPED)] if linked else []),
                    formula(ws, set_count(plan, same_area, *same_org), COUNT),
                    formula(ws, suggested_count(plan, same_area, *same_org), COUNT),
                ]
            )
        if not by_area:
            rows.add([text(ws, f"No {v.priorities} set or suggested yet.", TOP)])
    rows.prose(
        f"{duplicates} {v.priorities} are the same as another person's in the same organisation: "
        "'Same as' on the Action plan names the others."
    )
